import json

from django.core.management.base import BaseCommand, CommandError

from scenarios.management.json_input import JsonInputError, read_json
from scenarios.rulebook import published_rulebook
from scenarios.rules import FactsError, evaluate, parse_facts, parse_many

EXIT_BAD_INPUT = 2


class Command(BaseCommand):
    help = (
        "Grade the facts of draft posts with the published rulebook. Reads a JSON object, or "
        "an array of them, from FILE or standard input; prints the verdict (or verdicts, in "
        "order) as JSON. Invalid input exits 2 and says on stderr which field is wrong."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", help="A JSON file; standard input if omitted.")

    def fail(self, message: str):
        raise CommandError(f"rag_check: {message}", returncode=EXIT_BAD_INPUT)

    def handle(self, *args, **options):
        try:
            data = read_json(options.get("file"), what="facts")
        except JsonInputError as exc:
            self.fail(str(exc))
        rulebook = published_rulebook()
        try:
            if isinstance(data, list):
                result = [
                    evaluate(facts, rulebook).as_dict() for facts in parse_many(data, rulebook)
                ]
            else:
                result = evaluate(parse_facts(data, rulebook), rulebook).as_dict()
        except FactsError as exc:
            where = f"item {exc.index}: " if exc.index is not None else ""
            lines = [f"{where}{field}: {message}" for field, message in exc.errors.items()]
            self.fail("invalid facts\n  " + "\n  ".join(lines))
        self.stdout.write(json.dumps(result, ensure_ascii=False))
