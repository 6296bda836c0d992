"""Abbreviations written with a dot that does not end a sentence ("TP. Hà Tĩnh", "Đ/c. Lê Văn
An", "ThS. Trần Văn Bình"), in folded form and without the dot. Language data, kept apart from
the code that splits sentences (``polgraph.text.layout``) and from the reader's own data.
"""

# The level words of places: thành phố, thị xã, thị trấn, quận, phường, huyện.
PLACE_ABBREVIATIONS = frozenset({"tp", "tx", "tt", "q", "p", "h"})

# Titles and forms of address before a name: thạc sĩ, tiến sĩ, phó giáo sư, giáo sư, bác sĩ,
# đồng chí.
TITLE_ABBREVIATIONS = frozenset({"ths", "ts", "pgs", "gs", "bs", "đ/c", "đc"})

DOTTED_ABBREVIATIONS = PLACE_ABBREVIATIONS | TITLE_ABBREVIATIONS
