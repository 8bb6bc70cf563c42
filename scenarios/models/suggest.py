"""The draft checker's topic model, stored with what it learnt from.

Kept in the database, not on a web server's disk, so every web process and worker loads the
same model, and a new one (trained when the bank changes) reaches them all."""

from django.db import models


class TopicModelFile(models.Model):
    # What the model was trained on: the bank's active questions, the hand-written examples,
    # the topics and the library version. The same fingerprint always means the same model.
    fingerprint = models.CharField(max_length=64, unique=True)
    data = models.BinaryField(help_text="The trained model (joblib).")
    examples = models.PositiveIntegerField(help_text="How many texts it learnt from.")
    bank_questions = models.PositiveIntegerField(help_text="Of which, from the question bank.")
    topics = models.PositiveSmallIntegerField()
    library_version = models.CharField(max_length=20)
    seconds = models.FloatField(help_text="How long training took.")
    trained_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        get_latest_by = "pk"
        verbose_name = "topic model"

    def __str__(self):
        return f"Topic model {self.fingerprint[:12]} ({self.examples} texts)"
