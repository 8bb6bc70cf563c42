"""What can go wrong for a learner, in words they can act on. Views turn these into messages;
nothing a learner does reaches them as a stack trace."""


class QuizError(Exception):
    """Base: the message is shown to the officer as it is."""


class NotYours(QuizError):
    def __init__(self):
        super().__init__("That attempt belongs to someone else.")


class AttemptClosed(QuizError):
    pass


class AttemptsUsedUp(QuizError):
    pass


class QuizUnavailable(QuizError):
    pass


class BadAnswer(QuizError):
    pass
