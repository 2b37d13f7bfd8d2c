/*
 * The version of a French text that an English translation translates, computed in the
 * browser from Decap's entry data: the same twelve hexadecimal digits as Python's
 * recaps.content.translation.source_version, which `recaps mark-translated` writes.
 *
 * Python fingerprints the French file as it reads it: the SHA-256 of
 *   json.dumps({"front_matter": <front matter minus language-neutral fields and translation_of>,
 *               "body": <body, stripped>}, sort_keys=True, ensure_ascii=False, default=str)
 * Decap holds what its own YAML reader (YAML 1.2) made of the file, and writes it back with its
 * own YAML writer. So each value here is first made what recaps' reader (PyYAML's YAML 1.1, with
 * numbers and booleans in plain decimal and true/false only) will read once Decap has written it
 * (`2025-1-6 10:00:00` a date and time, `yes` and `1:30` text), then written out as Python's
 * json.dumps writes it.
 *
 * window.RecapsFingerprint.sourceVersion(frenchData, neutralPaths) -> Promise of the version.
 */
(function () {
  "use strict";

  // PyYAML's implicit types (yaml/resolver.py), for a plain scalar.
  var PY_BOOL = /^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/;
  var PY_FLOAT = /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
  var PY_INT = /^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$/;
  var PY_NULL = /^(?:~|null|Null|NULL|)$/;
  // Of those, the numbers and booleans recaps' reader keeps (yaml_lines._BOTH_VERSIONS).
  var BOTH_BOOL = /^(?:true|True|TRUE|false|False|FALSE)$/;
  var BOTH_INT = /^[-+]?(?:0|[1-9][0-9]*)$/;
  var BOTH_FLOAT = /^[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$/;
  var PY_TIMESTAMP_TYPE = /^(?:[0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?)$/;
  // PyYAML's reading of a timestamp (yaml/constructor.py): its parts.
  var PY_TIMESTAMP = /^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:[Tt]|[ \t]+)([0-9]{1,2}):([0-9]{2}):([0-9]{2})(?:\.([0-9]*))?(?:[ \t]*(Z|([-+])([0-9]{1,2})(?::([0-9]{2}))?))?)?$/;
  var PY_DATE_ONLY = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;
  // What Decap's YAML writer (the `yaml` package, core schema) quotes: strings it would
  // otherwise read back as another type. Python reads those as the strings they are.
  var CORE_TYPES = [
    /^(?:~|[Nn]ull|NULL)?$/, /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/, /^0o[0-7]+$/, /^[-+]?[0-9]+$/,
    /^0x[0-9a-fA-F]+$/, /^(?:[-+]?\.inf|\.nan)$/i, /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
    /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
  ];
  // Python's str.strip(): the characters str.isspace() says are white space.
  var PY_SPACE = "\\t\\n\\x0b\\x0c\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000";
  var PY_STRIP = new RegExp("^[" + PY_SPACE + "]+|[" + PY_SPACE + "]+$", "g");

  // Values as Python holds them: strings, booleans and null as JavaScript's; integers and
  // floats tagged, since JavaScript's numbers are neither.
  function PyInt(value) { this.value = value; }  // a BigInt
  function PyFloat(value) { this.value = value; }

  /* What Python reads from a string Decap writes. */
  function fromString(text) {
    if (text.indexOf("\n") !== -1 || CORE_TYPES.some(function (type) { return type.test(text); })) {
      return text;  // a block scalar, or quoted
    }
    return plainScalar(text);
  }

  /* What Python reads from a number Decap writes (as JSON writes it, or .inf and .nan). */
  function fromNumber(number) {
    if (Number.isNaN(number)) return plainScalar(".nan");
    if (!Number.isFinite(number)) return plainScalar(number > 0 ? ".inf" : "-.inf");
    return plainScalar(JSON.stringify(number));
  }

  /* A plain scalar as recaps' reader reads it: PyYAML's safe loader, but numbers and booleans
     only in plain decimal and true/false (`1:30`, `1_000`, `0x1F`, `010`, `.inf`, `yes` stay text:
     yaml_lines._BOTH_VERSIONS); the text too where a date does not exist ("2025-02-30"). */
  function plainScalar(text) {
    if (PY_BOOL.test(text)) return BOTH_BOOL.test(text) ? text.toLowerCase() === "true" : text;
    if (PY_FLOAT.test(text)) return BOTH_FLOAT.test(text) ? new PyFloat(Number(text)) : text;
    if (PY_INT.test(text)) return BOTH_INT.test(text) ? new PyInt(BigInt(text)) : text;
    if (PY_NULL.test(text)) return null;
    if (PY_TIMESTAMP_TYPE.test(text)) return timestamp(text);
    return text;
  }

  /* str() of the date or datetime PyYAML makes, or the text if it is not a real one. */
  function timestamp(text) {
    if (PY_DATE_ONLY.test(text)) return text;  // str(date) writes it back as it was, if valid
    var m = PY_TIMESTAMP.exec(text);
    var year = +m[1], month = +m[2], day = +m[3], hour = +m[4], minute = +m[5], second = +m[6];
    if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month) || hour > 23 || minute > 59 || second > 59) {
      return text;
    }
    var out = pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2) + " " + pad(hour, 2) + ":" + pad(minute, 2) + ":" + pad(second, 2);
    var fraction = (m[7] || "").slice(0, 6);
    if (fraction && +fraction !== 0) out += "." + (fraction + "000000").slice(0, 6);
    if (m[9]) {
      var offset = (+m[10]) * 60 + (+(m[11] || 0));
      if (offset >= 24 * 60) return text;
      var sign = m[9] === "-" && offset !== 0 ? "-" : "+";
      out += sign + pad(Math.floor(offset / 60), 2) + ":" + pad(offset % 60, 2);
    } else if (m[8] === "Z") {
      out += "+00:00";
    }
    return out;
  }

  function isLeap(year) { return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0; }
  function daysIn(year, month) { return [31, isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]; }
  function pad(number, width) { return String(number).padStart(width, "0"); }

  /* Python's value of Decap's value, recursively. */
  function pythonValue(value) {
    if (Array.isArray(value)) return value.map(pythonValue);
    if (value instanceof Date) return fromString(value.toISOString());
    if (value !== null && typeof value === "object") {
      var result = {};
      Object.keys(value).forEach(function (key) { result[key] = pythonValue(value[key]); });
      return result;
    }
    if (typeof value === "string") return fromString(value);
    if (typeof value === "number") return fromNumber(value);
    if (value === undefined) return null;  // Decap writes `key: null`
    return value;  // booleans, null
  }

  /* repr() of a Python float: the shortest digits that read back, in Python's notation. */
  function floatRepr(number) {
    if (Number.isNaN(number)) return "NaN";
    if (!Number.isFinite(number)) return number > 0 ? "Infinity" : "-Infinity";
    if (number === 0) return Object.is(number, -0) ? "-0.0" : "0.0";
    var exponential = Math.abs(number).toExponential();  // "1.5e+20": the shortest digits
    var mantissa = exponential.split("e")[0].replace(".", "");
    var point = +exponential.split("e")[1] + 1;  // where the decimal point goes in the digits
    var sign = number < 0 ? "-" : "";
    if (point <= -4 || point > 16) {
      var exponent = point - 1;
      var digits = mantissa.length > 1 ? mantissa[0] + "." + mantissa.slice(1) : mantissa;
      return sign + digits + "e" + (exponent < 0 ? "-" : "+") + pad(Math.abs(exponent), 2);
    }
    if (point <= 0) return sign + "0." + "0".repeat(-point) + mantissa;
    if (point >= mantissa.length) return sign + mantissa + "0".repeat(point - mantissa.length) + ".0";
    return sign + mantissa.slice(0, point) + "." + mantissa.slice(point);
  }

  function byCodePoint(a, b) {
    var left = Array.from(a), right = Array.from(b);
    for (var i = 0; i < Math.min(left.length, right.length); i++) {
      var difference = left[i].codePointAt(0) - right[i].codePointAt(0);
      if (difference !== 0) return difference;
    }
    return left.length - right.length;
  }

  /* json.dumps(value, sort_keys=True, ensure_ascii=False, default=str). */
  function pythonJson(value) {
    if (value instanceof PyInt) return value.value.toString();
    if (value instanceof PyFloat) return floatRepr(value.value);
    if (Array.isArray(value)) return "[" + value.map(pythonJson).join(", ") + "]";
    if (value !== null && typeof value === "object") {
      return "{" + Object.keys(value).sort(byCodePoint).map(function (key) {
        return JSON.stringify(key) + ": " + pythonJson(value[key]);
      }).join(", ") + "}";
    }
    return JSON.stringify(value);  // strings (escaped as Python does), booleans, null
  }

  /* The front matter without the fields ``neutral`` names ("quotes.*.speaker": in each quote),
     as recaps.content.translation._without leaves it. */
  function withoutNeutral(data, paths) {
    var tree = {};
    paths.forEach(function (path) {
      var node = tree, parts = path.split(".");
      parts.slice(0, -1).forEach(function (part) { node = node[part] = node[part] || {}; });
      node[parts[parts.length - 1]] = null;
    });
    return without(data, tree);
  }

  function without(data, tree) {
    if (Array.isArray(data)) {
      return "*" in tree ? data.map(function (item) { return without(item, tree["*"]); }) : data;
    }
    if (data === null || typeof data !== "object" || data instanceof Date) return data;
    var copy = {};
    Object.keys(data).forEach(function (key) {
      if (key === "*" || !(key in tree)) copy[key] = data[key];
      else if (tree[key] !== null) copy[key] = without(data[key], tree[key]);
    });
    return copy;
  }

  /* The canonical text Python hashes, from Decap's French data (``body`` included). */
  function canonicalText(frenchData, neutralPaths) {
    var frontMatter = {};
    Object.keys(frenchData).forEach(function (key) {
      if (key !== "body") frontMatter[key] = frenchData[key];
    });
    frontMatter = withoutNeutral(frontMatter, neutralPaths);
    delete frontMatter.translation_of;
    var body = (typeof frenchData.body === "string" ? frenchData.body : "").replace(/\r\n?/g, "\n");
    return pythonJson({ front_matter: pythonValue(frontMatter), body: body.replace(PY_STRIP, "") });
  }

  function sourceVersion(frenchData, neutralPaths) {
    var bytes = new TextEncoder().encode(canonicalText(frenchData, neutralPaths));
    return crypto.subtle.digest("SHA-256", bytes).then(function (digest) {
      return Array.from(new Uint8Array(digest)).map(function (byte) {
        return byte.toString(16).padStart(2, "0");
      }).join("").slice(0, 12);
    });
  }

  /* translation_of as recaps reads it (translation._version): a number YAML read as one,
     written back as text; spaces around and upper case ignored. */
  function writtenVersion(value) {
    if (typeof value === "number") return Number.isInteger(value) ? BigInt(value).toString() : String(value);
    return typeof value === "string" ? value.trim().toLowerCase() : "";
  }

  window.RecapsFingerprint = {
    sourceVersion: sourceVersion,
    canonicalText: canonicalText,
    writtenVersion: writtenVersion,
  };
})();
