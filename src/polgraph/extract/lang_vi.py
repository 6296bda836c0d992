"""The reader's Vietnamese beyond the SKOS vocabularies, as the rules use it. The words live in
the language folder (``lang/vi/*.toml``, read by ``polgraph.text.language``); this module only
gives them the shapes the rules match with. Everything is in folded form (lower case, modern
tone placement), the form the reader matches on.
"""

from polgraph.text.language import vietnamese

_vi = vietnamese()

# names.toml
SURNAMES = frozenset(_vi.surnames)
DROPPABLE_MIDDLE_NAMES = _vi.droppable_middle_names
KINH_MIDDLE_NAMES = frozenset(_vi.kinh_middle_names)
NOT_NAME_WORDS = frozenset(_vi.not_name_words)
NOT_NAMES = frozenset(_vi.not_names)

# persons.toml
PERSON_CUES = _vi.person_cues
CAPITAL_CUES = frozenset(_vi.capital_cues)
GROUP_CUES = _vi.group_cues
PLURAL_CUES = frozenset(_vi.plural_cues)
ADDRESS_CUES = _vi.address_cues
PHOTO_POSITIONS = _vi.photo_positions

# titles.toml
TITLE_STOPS = _vi.title_stops
TITLE_STOPS_NOT_VERBS = _vi.title_stops_not_verbs
TITLE_STOPS_UNLESS_FOLLOWED_BY = _vi.title_stops_unless_followed_by
TITLE_STOPS_UNLESS_AFTER = _vi.title_stops_unless_after
CREDIT_WORDS = _vi.credit_words
AWARD_WORDS = _vi.award_words
FORMER_WORDS = _vi.former_words
FORMER_UNIT_WORDS = _vi.former_unit_words
POST_QUALIFIERS = _vi.post_qualifiers
AFTER_LEVEL_WORDS = frozenset(_vi.after_level_words)

# levels.toml
COMMITTEE_MEMBER_LEVEL_WORDS = _vi.committee_member_level_words
LEVEL_WORD_OF_LEVEL = _vi.level_word_of_level
PARTY_COMMITTEE_OF_LEVEL_WORD = _vi.party_committee_of_level_word

# acts.toml
VOTER_OPINION = _vi.voter_opinion
REASON_WORDS = _vi.reason_words
PERSON_OBJECT_CUES = _vi.person_object_cues
NOT_REPORT = _vi.not_report

# elections.toml
DISMISSAL_VERBS = _vi.dismissal_verbs
DISMISSAL_OBJECTS = _vi.dismissal_objects
DISMISSAL_PERSONS = _vi.dismissal_person

# places.toml
PLACE_HEADS = _vi.place_heads
