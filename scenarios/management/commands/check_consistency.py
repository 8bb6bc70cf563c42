import json

from django.core.management.base import BaseCommand, CommandError

from scenarios.consistency import DEFAULT_MINIMUM, check_consistency


class Command(BaseCommand):
    help = (
        "Check that guidance, rulebook and question bank agree: every rule tested by enough "
        "questions, every stored answer following from the published rulebook, no question "
        "contradicting the RAG table, and no guidance link of the rulebook leading nowhere. "
        "Exits 1 if not."
    )

    def add_arguments(self, parser):
        parser.add_argument("--min-per-rule", type=int, default=DEFAULT_MINIMUM)
        parser.add_argument("--json", action="store_true", help="Print the report as JSON.")

    def handle(self, *args, **options):
        if options["min_per_rule"] < 0:
            raise CommandError("--min-per-rule must be 0 or more.", returncode=2)
        report = check_consistency(minimum=options["min_per_rule"])
        if options["json"]:
            self.stdout.write(json.dumps(report.as_dict(), indent=2))
        else:
            self.stdout.write(
                f"Rulebook version {report.rulebook_version}; {report.questions} active "
                f"questions; at least {report.minimum} per rule."
            )
            for rule, count in sorted(report.per_rule.items()):
                mark = "" if count >= report.minimum else "   <- too few"
                self.stdout.write(f"  {rule:<28} {count:>6}{mark}")
            if report.topics_under_tested:
                self.stdout.write(
                    "Topics with too few questions: " + ", ".join(report.topics_under_tested)
                )
            if not report.table_found:
                self.stdout.write("No live guidance page shows the RAG table.")
            self.stdout.write(
                f"Answers that disagree with the rulebook: {len(report.wrong_answers)}"
            )
            self.stdout.write(
                f"Questions that contradict the RAG table: {len(report.table_contradictions)}"
            )
            self.stdout.write(
                f"Guidance links the rulebook holds: {report.links_checked}; "
                f"dead: {len(report.dead_links)}"
            )
            for dead in report.dead_links:
                self.stdout.write(
                    f"  {dead['link']} leads nowhere (used by {', '.join(dead['cited_by'])})"
                )
            self.stdout.write("OK" if report.ok else "NOT CONSISTENT")
        if not report.ok:
            # Exit 1: the check ran and found disagreements (2 is for bad arguments).
            raise CommandError("guidance, rulebook and bank do not agree", returncode=1)
