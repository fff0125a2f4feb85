"""Messages whose keys start with `share.`: the share button that copies the link to the current view."""

MESSAGES: dict[str, dict[str, str]] = {
    "share.button": {"en": "Link to this view", "ja": "この表示へのリンク"},
    "share.help": {
        "en": "This link opens this page with the same filters, language, selection and map framing. "
        "Copy it with the button at the right of the box.",
        "ja": "このリンクを開くと、同じフィルター・言語・選択・地図の表示範囲でこのページが表示されます。"
        "枠の右のボタンでコピーできます。",
    },
}
