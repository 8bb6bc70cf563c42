"""Suggestions from a pasted draft: the likely topics and the RAG facts its words suggest.

    >>> from datetime import date
    >>> model = TopicModel.train(bank_pairs, seed=1, version="v1")  # doctest: +SKIP
    >>> suggest("RT @metpoliceuk: ...", today=date(2026, 11, 20), model=model).as_dict()
    ... # doctest: +SKIP

Pure: the standard library, scikit-learn, numpy, scipy and joblib, never Django. The clock,
today's date, randomness (a seed) and the training texts are passed in. Reference word lists
and the hand-written training posts are data files in ``data/``.

The modules, in the order a suggestion is made:

- ``lexicon``: the data files, read once; ``names``: a person-name heuristic;
- ``detection`` and ``detectors``: one pure function per fact, ``detect_<fact>(text)``,
  returning a ``Detection`` (value, sure, verbatim evidence);
- ``dates``: ``days_since_sentencing(text, today)``;
- ``features``, ``training`` and ``model``: the topic model (``TopicModel``), which carries
  ``flag_model`` (``FlagModel``), learnt from the labelled drafts of ``data/labelled_posts``;
- ``suggestion``: ``suggest`` assembles all of it into a ``Suggestion``;
- ``measure``: accuracy, recall, precision and timing on a labelled set of posts.
"""

from scenarios.suggest.dates import days_since_sentencing
from scenarios.suggest.detection import Detection
from scenarios.suggest.detectors import (
    FLAG_DETECTORS,
    RED_OVERRIDE_FLAGS,
    VALUE_DETECTORS,
    detect_breaking,
    detect_gives_ethnicity_or_nationality,
    detect_identifies_child_in_proceedings,
    detect_identifies_sexual_offence_victim,
    detect_image,
    detect_image_release_authorised,
    detect_in_public_domain,
    detect_ksi,
    detect_names_cautioned_person,
    detect_names_suspect_before_charge,
    detect_prejudicial_content,
    detect_source,
    detect_unproven_allegation,
    detect_wanted_person_arrested,
    detect_wider_interest,
)
from scenarios.suggest.flag_model import FlagModel
from scenarios.suggest.lexicon import (
    LabelledPost,
    hand_written_examples,
    labelled_posts,
    word_lists_digest,
)
from scenarios.suggest.measure import measure
from scenarios.suggest.model import FORMAT, ModelFileError, ModelInfo, TopicModel
from scenarios.suggest.names import Person, find_people
from scenarios.suggest.suggestion import Suggestion, suggest

__all__ = [
    "FLAG_DETECTORS",
    "FORMAT",
    "RED_OVERRIDE_FLAGS",
    "VALUE_DETECTORS",
    "Detection",
    "FlagModel",
    "LabelledPost",
    "ModelFileError",
    "ModelInfo",
    "Person",
    "Suggestion",
    "TopicModel",
    "days_since_sentencing",
    "detect_breaking",
    "detect_gives_ethnicity_or_nationality",
    "detect_identifies_child_in_proceedings",
    "detect_identifies_sexual_offence_victim",
    "detect_image",
    "detect_image_release_authorised",
    "detect_in_public_domain",
    "detect_ksi",
    "detect_names_cautioned_person",
    "detect_names_suspect_before_charge",
    "detect_prejudicial_content",
    "detect_source",
    "detect_unproven_allegation",
    "detect_wanted_person_arrested",
    "detect_wider_interest",
    "find_people",
    "hand_written_examples",
    "labelled_posts",
    "measure",
    "suggest",
    "word_lists_digest",
]
