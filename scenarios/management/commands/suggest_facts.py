import json

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from scenarios.drafts import DraftsError, draft_suggest, parse_drafts
from scenarios.management.json_input import JsonInputError, read_json
from scenarios.topic_model import TopicModelNotReady, topic_model_train

EXIT_BAD_INPUT = 2


class Command(BaseCommand):
    help = (
        "Suggest the facts of draft posts from their text. Reads a JSON array of drafts (each "
        'a string, or an object {"text": ..., "today": "YYYY-MM-DD"}) from FILE or standard '
        "input; prints one suggestion per draft, in order, as a JSON array: the three likeliest "
        "topics with how sure each is, the facts the text suggests, and the words that suggest "
        "them. Invalid input exits 2 and says on stderr what is wrong. Suggestions are for a "
        "person to confirm: grade the confirmed facts with rag_check."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", help="A JSON file; standard input if omitted.")

    def fail(self, message: str):
        raise CommandError(f"suggest_facts: {message}", returncode=EXIT_BAD_INPUT)

    def handle(self, *args, **options):
        try:
            data = read_json(options.get("file"), what="drafts")
        except JsonInputError as exc:
            self.fail(str(exc))
        try:
            drafts = parse_drafts(data, today=timezone.localdate())
        except DraftsError as exc:
            self.fail(f"{exc}.")
        try:
            result = [draft_suggest(draft=draft) for draft in drafts]
        except TopicModelNotReady:
            # A fresh site: train now (seconds), rather than make the operator wait for a job.
            row = topic_model_train()
            self.stderr.write(
                f"Trained the topic model first ({row.examples} texts, {row.seconds:.1f} s)."
            )
            result = [draft_suggest(draft=draft) for draft in drafts]
        self.stdout.write(json.dumps(result, ensure_ascii=False))
