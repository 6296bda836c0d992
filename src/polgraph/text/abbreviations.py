"""Abbreviations written with a dot that does not end a sentence ("TP. Hà Tĩnh", "Đ/c. Lê Văn
An", "ThS. Trần Văn Bình"), in folded form and without the dot, from the language folder
(``lang/vi/abbreviations.toml``)."""

from polgraph.text.language import vietnamese

PLACE_ABBREVIATIONS = frozenset(vietnamese().dotted_place_abbreviations)
TITLE_ABBREVIATIONS = frozenset(vietnamese().dotted_title_abbreviations)
DOTTED_ABBREVIATIONS = PLACE_ABBREVIATIONS | TITLE_ABBREVIATIONS
