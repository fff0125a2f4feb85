"""Data text made safe for Streamlit's markdown: every markdown and HTML character is shown as itself."""

import json
import re
from typing import Final

# CommonMark lets a backslash escape any ASCII punctuation; escaping all of it turns emphasis, links,
# raw HTML (`<b>`), entities (`&lt;`), Streamlit's `:red[...]` directives and `$` maths into plain text.
_PUNCTUATION: Final = re.compile(r"""([!"#$%&'()*+,\-./:;<=>?@\[\\\]^_`{|}~])""")
_LINE_BREAKS: Final = re.compile(r"[\r\n\u2028\u2029]+")


def md_escape(text: object) -> str:
    """`text` as one line of markdown that renders exactly as the characters it contains."""
    one_line = _LINE_BREAKS.sub(" ", "" if text is None else str(text))
    return _PUNCTUATION.sub(r"\\\1", one_line)


def js_literal(value: str) -> str:
    """`value` as a JavaScript string literal that is safe inside a <script> element (no "</script>")."""
    return json.dumps(value).replace("<", "\\u003c").replace(">", "\\u003e")
