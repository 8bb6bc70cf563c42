"""What quizzes tell the rest of the platform: an attempt was started, an attempt was marked.
Sent inside the writing transaction, so what listens (progress and certificates, in `courses`)
commits with it or not at all; quizzes never import them."""

from django.dispatch import Signal

attempt_started = Signal()  # attempt_id
attempt_graded = Signal()  # attempt_id
