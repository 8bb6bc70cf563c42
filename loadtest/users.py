"""Locust users, one class per scenario. run.py sets `PLAN` before starting them.

Each user signs in through the login page (CSRF token and all, once per account: the session is
kept for later runs) and does any set-up (starting the attempts it will answer) before the
measured window; then it waits for the gate, so the window holds only the scenario's requests.
When the window closes each user stops issuing requests but lets the one in flight finish, so a
save the server committed is never one the client was not told about."""

from __future__ import annotations

import itertools
import random
import re
from dataclasses import dataclass, field

import gevent
from gevent.event import Event
from gevent.lock import Semaphore
from locust import FastHttpUser, constant, constant_throughput, task

CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
RATINGS = ("GREEN", "AMBER", "RED")


@dataclass
class Plan:
    """What the users of one run share: accounts, quizzes, the gate and the tallies."""

    officers: list[str] = field(default_factory=list)
    password: str = ""
    trainers: dict[str, str] = field(default_factory=dict)
    quizzes: list[dict] = field(default_factory=list)
    sessions: dict[str, list] = field(default_factory=dict)  # username: cookies, across runs
    rate: float = 1.0  # requests a second, per user
    attempts_each: int = 1
    gate: Event = field(default_factory=Event)
    stop: Event = field(default_factory=Event)
    ready: int = 0
    failed_setup: list[str] = field(default_factory=list)
    saved: int = 0  # answers the server said it saved, inside the window
    in_flight: int = 0
    accounts: itertools.count = field(default_factory=itertools.count)
    # A few sign-ins at a time: each hashes a password for a good part of a second of CPU, and
    # dozens at once would queue past the client's timeout.
    signing_in: Semaphore = field(default_factory=lambda: Semaphore(3))
    # Seeded: each user's phase within its period, for scenarios whose users arrive at random.
    phases: random.Random = field(default_factory=lambda: random.Random(2026))

    def next_officer(self) -> str:
        return self.officers[next(self.accounts) % len(self.officers)]


PLAN = Plan()


def _excerpt(response) -> str:
    return repr((response.text or "")[:200])


class LoadUser(FastHttpUser):
    staggered = False  # True: each user starts at a random point of its first period
    abstract = True
    wait_time = constant(0)

    def sign_in(self, username: str, password: str) -> None:
        with PLAN.signing_in:
            kept = PLAN.sessions.get(username)
            if kept:
                for cookie in kept:
                    self.client.cookiejar.set_cookie(cookie)
                return
            self._sign_in(username, password)

    def _sign_in(self, username: str, password: str) -> None:
        page = self.client.get("/accounts/login/", name="sign in (set-up)", headers=self.cookies())
        token = CSRF_INPUT.search(page.text or "")
        if token is None:
            raise RuntimeError(f"no CSRF token on the login page ({page.status_code})")
        with self.client.post(
            "/accounts/login/",
            data={"username": username, "password": password, "csrfmiddlewaretoken": token[1]},
            headers=self.cookies(),
            name="sign in (set-up)",
            allow_redirects=False,
            catch_response=True,
        ) as response:
            if response.status_code != 302:
                refused = f"sign-in refused for {username}: {response.status_code}"
                response.failure(refused)
                raise RuntimeError(refused)
        PLAN.sessions[username] = list(self.client.cookiejar)

    def cookies(self) -> dict:
        """The Cookie header, by hand: the client's jar keeps the site's cookies but does not
        send them back (they are Secure and this is plain HTTP on 127.0.0.1)."""
        jar = "; ".join(f"{c.name}={c.value}" for c in self.client.cookiejar)
        return {"Cookie": jar} if jar else {}

    def csrf(self) -> dict:
        token = next((c.value for c in self.client.cookiejar if c.name == "csrftoken"), "")
        return {**self.cookies(), "X-CSRFToken": token}

    def start_attempt(self, quiz: dict, name: str) -> int | None:
        """POST the start form; the attempt's number from the redirect, None if refused."""
        with self.client.post(
            f"/quizzes/{quiz['quiz']}/start/",
            data={"module": str(quiz["module"])},
            headers=self.csrf(),
            name=name,
            allow_redirects=False,
            catch_response=True,
        ) as response:
            location = (response.headers or {}).get("Location") or ""
            found = re.search(r"/attempts/(\d+)/", location)
            if response.status_code != 302 or found is None:
                response.failure(f"start: {response.status_code} {_excerpt(response)}")
                return None
            return int(found[1])

    def set_up(self) -> None:
        """Scenario set-up before the gate opens; unmeasured."""

    def on_start(self) -> None:
        try:
            self.set_up()
        except Exception as exc:  # noqa: BLE001 - reported by run.py, which then stops
            PLAN.failed_setup.append(f"{type(self).__name__}: {exc}")
        PLAN.ready += 1
        PLAN.gate.wait()
        if self.staggered and PLAN.rate:
            # Otherwise every user requests at the gate's opening and again in step at each
            # period: bursts of all the users at once, not arrivals spread over the window.
            gevent.sleep(PLAN.phases.uniform(0, 1 / PLAN.rate))

    def measured(self) -> bool:
        """False once the window has closed: the user then only idles."""
        if PLAN.stop.is_set():
            gevent.sleep(3600)
            return False
        return True


class CeilingUser(LoadUser):
    """A trivial page on the same server, as fast as it answers: the ceiling."""

    @task
    def trivial(self):
        if self.measured():
            self.client.get("/verify/", name="ceiling: GET /verify/", headers=self.cookies())


class QuestionPageUser(LoadUser):
    wait_time = constant_throughput(1)  # run.py sets the rate per user on the class

    def set_up(self):
        self.sign_in(PLAN.next_officer(), PLAN.password)
        quiz = PLAN.quizzes[0]
        self.attempt = self.start_attempt(quiz, "start (set-up)")
        if self.attempt is None:
            raise RuntimeError("could not start an attempt")
        self.positions = itertools.cycle(range(1, quiz["questions"] + 1))

    @task
    def question(self):
        if self.measured():
            position = next(self.positions)
            self.client.get(f"/attempts/{self.attempt}/questions/{position}/", name="question page")


class AnswerUser(LoadUser):
    """Answers questions of attempts started in set-up, each question once, as quiz.js does
    (a form post asking for JSON), counting the saves the server confirmed."""

    wait_time = constant_throughput(1)

    def set_up(self):
        self.sign_in(PLAN.next_officer(), PLAN.password)
        self.todo = []
        for quiz in PLAN.quizzes[: PLAN.attempts_each]:
            attempt = self.start_attempt(quiz, "start (set-up)")
            if attempt is None:
                raise RuntimeError("could not start an attempt")
            self.todo += [(attempt, p) for p in range(1, quiz["questions"] + 1)]
        self.todo.reverse()

    @task
    def answer(self):
        if not self.measured():
            return
        if not self.todo:
            PLAN.failed_setup.append("an answering user ran out of questions: start more")
            PLAN.stop.set()
            return
        attempt, position = self.todo.pop()
        headers = {**self.csrf(), "Accept": "application/json"}
        with self.client.post(
            f"/attempts/{attempt}/questions/{position}/",
            data={"rating": RATINGS[position % 3]},
            headers=headers,
            name="answer save",
            allow_redirects=False,
            catch_response=True,
        ) as response:
            try:
                saved = response.status_code == 200 and response.json().get("saved") is True
            except ValueError:
                saved = False
            if saved:
                PLAN.saved += 1
            else:
                response.failure(f"not saved: {response.status_code} {_excerpt(response)}")


class StartUser(LoadUser):
    """Starts an attempt at each quiz in turn: many officers starting within the same minute."""

    wait_time = constant_throughput(1)
    staggered = True

    def set_up(self):
        self.sign_in(PLAN.next_officer(), PLAN.password)
        self.quizzes = list(PLAN.quizzes[: PLAN.attempts_each])

    @task
    def start_next(self):  # not `start`: that is Locust's own method of every user
        if not self.measured():
            return
        if not self.quizzes:
            gevent.sleep(3600)  # this officer has started all of theirs
            return
        self.start_attempt(self.quizzes.pop(0), "start attempt")


class DashboardUser(LoadUser):
    """A trainer reloading their dashboard: a borough SPOC or the Social Media Team."""

    wait_time = constant_throughput(1)
    abstract = True
    username = ""

    def set_up(self):
        self.sign_in(self.username, PLAN.trainers[self.username])

    @task
    def dashboard(self):
        if self.measured():
            self.client.get(
                "/training/dashboard/", name=f"dashboard: {self.username}", headers=self.cookies()
            )


class SpocDashboardUser(DashboardUser):
    username = "spoc"


class SocialMediaTeamDashboardUser(DashboardUser):
    username = "social-media-team"
