"""People's names in a post (see ``people``), also when a draft is written all in lower case
or with its surnames in capitals (see ``recase``)."""

from scenarios.suggest.names.people import (
    AGE_WORDS,
    Person,
    civilians,
    find_people,
    names_anyone,
    years,
)

__all__ = ["AGE_WORDS", "Person", "civilians", "find_people", "names_anyone", "years"]
