"""Pseudo-French and pseudo-English prose from a seeded random generator: sentences, titles,
and Markdown bodies with headings, paragraphs, a bulleted list, a table and a nested list."""

from __future__ import annotations

import random

from .vocabulary import (
    EN_ADJECTIVES, EN_ADVERBS, EN_CONJUNCTIONS, EN_DETERMINERS, EN_INFINITIVES, EN_NOUNS,
    EN_PREPOSITIONS, EN_VERBS, FR_ADJECTIVES, FR_ADVERBS, FR_CONJUNCTIONS, FR_DETERMINERS,
    FR_ELISIONS, FR_INFINITIVES, FR_NOUNS, FR_PREPOSITIONS, FR_VERBS, VOWELS,
)

TABLE_HEADERS = {
    "fr": ("Enjeu", "Horizon", "Part", "Piste retenue"),
    "en": ("Stake", "Horizon", "Share", "Chosen path"),
}


def capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


class Prose:
    """Pseudo-French or pseudo-English text; every choice comes from ``rng``, in order."""

    def __init__(self, rng: random.Random, lang: str) -> None:
        self.rng, self.lang = rng, lang
        fr = lang == "fr"
        self.nouns = FR_NOUNS if fr else EN_NOUNS
        self.adjectives = FR_ADJECTIVES if fr else EN_ADJECTIVES
        self.verbs = FR_VERBS if fr else EN_VERBS
        self.infinitives = FR_INFINITIVES if fr else EN_INFINITIVES
        self.adverbs = FR_ADVERBS if fr else EN_ADVERBS
        self.prepositions = FR_PREPOSITIONS if fr else EN_PREPOSITIONS
        self.conjunctions = FR_CONJUNCTIONS if fr else EN_CONJUNCTIONS
        self.determiners = FR_DETERMINERS if fr else EN_DETERMINERS
        self.colon = " :" if fr else ":"  # French puts a space before a colon

    def _elide(self, words: list[str]) -> str:
        if self.lang != "fr":
            return " ".join(words)
        out: list[str] = []
        for word in words:
            if out and word[:1] in VOWELS:
                last = out[-1].rsplit(" ", 1)
                if last[-1] in FR_ELISIONS:
                    last[-1] = FR_ELISIONS[last[-1]]
                    out[-1] = " ".join(last) + word  # "l’" + "économie", "cet " + "atelier"
                    continue
            out.append(word)
        return " ".join(out)

    def noun_phrase(self, complement: bool = True) -> list[str]:
        r = self.rng
        words = [r.choice(self.determiners), r.choice(self.nouns)]
        if r.random() < 0.45:
            if self.lang == "fr":
                words.append(r.choice(self.adjectives))
            else:
                words.insert(1, r.choice(self.adjectives))
        if complement and r.random() < 0.3:
            words += ["de" if self.lang == "fr" else "of", r.choice(self.nouns)]
        return words

    def clause(self) -> list[str]:
        r = self.rng
        words = self.noun_phrase() + [r.choice(self.verbs)]
        if r.random() < 0.3:
            words.append(r.choice(self.adverbs))
        words += self.noun_phrase()
        if r.random() < 0.6:
            words += [r.choice(self.prepositions)] + self.noun_phrase(complement=False)
        return words

    def sentence(self) -> str:
        r = self.rng
        words = self.clause()
        if r.random() < 0.4:
            words = words + [","] + [r.choice(self.conjunctions)] + self.clause()
        text = self._elide(words).replace(" ,", ",")
        roll = r.random()
        if roll < 0.08:  # a quoted expression, with the language's own quotation marks
            inner = self._elide(self.noun_phrase(complement=False)[1:])
            text += " : « " + inner + " »" if self.lang == "fr" else ": “" + inner + "”"
        elif roll < 0.14 and self.lang == "fr":
            text += " ; " + self._elide(self.clause())
        elif roll < 0.14:
            text += " — " + self._elide(self.clause())
        end = "." if r.random() < 0.93 else (" ?" if self.lang == "fr" else "?")
        return capitalise(text) + end

    def sentences(self, low: int, high: int) -> str:
        return " ".join(self.sentence() for _ in range(self.rng.randint(low, high)))

    def title(self) -> str:
        words = [self.rng.choice(self.infinitives)] + self.noun_phrase(complement=False)
        return capitalise(self._elide(words))

    def heading(self) -> str:
        return capitalise(self._elide(self.noun_phrase()))

    def question(self) -> str:
        words = [self.rng.choice(self.infinitives)] + self.noun_phrase()
        if self.lang == "fr":
            return "Comment " + self._elide(words) + " ?"
        return "How do we " + self._elide(words) + "?"

    def term(self) -> str:
        """A short noun phrase without its determiner: "énergie sobre", "fair transition"."""
        return self._elide(self.noun_phrase(complement=False)[1:])

    def bullets(self) -> str:
        """A bulleted list of 3 to 5 items: "- **term** : sentence"."""
        return "\n".join(f"- **{self.term()}**{self.colon} {self.sentence()}"
                         for _ in range(self.rng.randint(3, 5)))

    def table(self) -> str:
        """A table of 3 to 5 rows: a term, a year, a percentage, a title; numbers right-aligned."""
        r = self.rng
        percent = " %" if self.lang == "fr" else "%"
        lines = ["| " + " | ".join(TABLE_HEADERS[self.lang]) + " |", "| --- | ---: | ---: | --- |"]
        for _ in range(r.randint(3, 5)):
            cells = [capitalise(self.term()), str(r.randint(2025, 2050)), f"{r.randint(5, 95)}{percent}", self.title()]
            lines.append("| " + " | ".join(cells) + " |")
        return "\n".join(lines)

    def nested_list(self) -> str:
        """A numbered list of 2 to 4 items, each with 1 to 3 bulleted sub-items, some of which
        have sub-items of their own (three levels, well under the nesting the checks refuse)."""
        r = self.rng
        lines = []
        for number in range(1, r.randint(2, 4) + 1):
            lines.append(f"{number}. **{capitalise(self.term())}**{self.colon} {self.sentence()}")
            for _ in range(r.randint(1, 3)):
                lines.append(f"    - {self.sentence()}")
                if r.random() < 0.3:
                    lines += [f"        - {self.term()}" for _ in range(r.randint(1, 2))]
        return "\n".join(lines)

    def body(self, target_words: int, wide: bool = True) -> str:
        """Markdown: paragraphs under ## headings, about ``target_words`` words, with a bulleted
        list; if ``wide``, also a table and a nested list (as real recaps have)."""
        r = self.rng
        blocks = [self.sentences(3, 5)]
        extras = [self.table, self.nested_list] if wide else []
        list_done = False
        while True:
            count = sum(len(b.split()) for b in blocks)
            if count >= target_words and not extras:
                break
            blocks.append("## " + self.heading())
            if not list_done or r.random() < 0.25:
                list_done = True
                blocks += [self.sentences(1, 2), self.bullets()]
            if extras:
                blocks += [self.sentences(1, 2), extras.pop(0)()]
            for _ in range(r.randint(1, 2)):
                blocks.append(self.sentences(3, 6))
        return "\n\n".join(blocks) + "\n"
