import json

from django.core.management.base import BaseCommand, CommandError

from scenarios.generator import TemplateError, generate, select_pool
from scenarios.jobs import live_templates
from scenarios.rulebook import published_rulebook


class Command(BaseCommand):
    help = (
        "Print N generated questions from the live scenario templates, graded by the "
        "published rulebook, chosen with coverage of every rating, topic and near miss."
    )

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, default=20, help="How many questions.")
        parser.add_argument("--seed", type=int, default=1, help="Same seed, same questions.")
        parser.add_argument("--json", action="store_true", help="Print JSON.")

    def fail(self, message):
        raise CommandError(f"generate_scenarios: {message}", returncode=2)

    def handle(self, *args, **options):
        count, seed = options["count"], options["seed"]
        if count < 1:
            self.fail("--count must be 1 or more.")
        rulebook = published_rulebook()
        specs = []
        for template in live_templates():
            try:
                specs.append(template.to_spec())
            except ValueError as exc:
                self.stderr.write(f"skipping template {template.key!r}: {exc}")
        if not specs:
            self.fail("there are no live scenario templates; run `manage.py load_demo`.")
        try:
            bank = generate(specs, rulebook, per_template_limit=500, rng=seed)
        except TemplateError as exc:
            self.fail(str(exc))
        pool = select_pool(bank, size=count, seed=seed, rulebook=rulebook)
        if options["json"]:
            self.stdout.write(json.dumps([q.as_dict() for q in pool.questions], indent=1))
            return
        for number, question in enumerate(pool.questions, start=1):
            self.stdout.write(f"{number}. {question.text}")
            self.stdout.write(f"   Answer: {question.correct_answer} ({question.rating})")
            self.stdout.write(f"   Why: {question.explanation}\n")
        missing = pool.coverage.as_dict()
        self.stdout.write(json.dumps({"coverage": missing}, indent=1))
