"""The demo people: one user per role, so a newcomer can click through every view."""

from dataclasses import dataclass

from . import roles
from .factories import ProfileFactory, UserFactory
from .models import Borough, ContactSettings, Profile, Unit

# Dev-only: printed by `make run` and listed in the README. Production refuses demo users.
DEMO_PASSWORD = "demo-password-not-for-production"
DMC = "directorate-of-media-and-communication"


@dataclass(frozen=True)
class DemoUser:
    username: str
    role: str | None
    borough: str | None = None
    unit: str | None = None
    supports: tuple[str, ...] = ()
    superuser: bool = False


DEMO_USERS = (
    DemoUser("officer", roles.OFFICER, borough="lewisham"),
    DemoUser("spoc", roles.BOROUGH_SPOC, borough="lewisham"),
    DemoUser("spoc-2", roles.BOROUGH_SPOC, borough="croydon"),
    DemoUser(
        "borough-support",
        roles.BOROUGH_SUPPORT,
        unit=DMC,
        supports=("lewisham", "greenwich", "southwark"),
    ),
    DemoUser("social-media-team", roles.SOCIAL_MEDIA_TEAM, unit=DMC),
    DemoUser("press-bureau", roles.PRESS_BUREAU, unit=DMC),
    DemoUser("editor", roles.EDITOR, unit=DMC),
    DemoUser("admin", None, unit=DMC, superuser=True),
)


def create_demo_users(password: str = DEMO_PASSWORD) -> list[str]:
    """Create or bring up to date every demo user. Running it twice changes nothing."""
    roles.sync_roles()
    boroughs = {b.slug: b for b in Borough.objects.all()}
    units = {u.slug: u for u in Unit.objects.all()}
    made = []
    for demo in DEMO_USERS:
        user = UserFactory(
            username=demo.username,
            password=password,
            roles=[demo.role] if demo.role else [],
        )
        if user.is_superuser != demo.superuser or user.is_staff != demo.superuser:
            user.is_superuser = user.is_staff = demo.superuser
            user.save(update_fields=["is_superuser", "is_staff"])
        borough = boroughs.get(demo.borough) if demo.borough else None
        unit = units.get(demo.unit) if demo.unit else None
        profile = Profile.objects.filter(user=user).first()
        if profile is None:
            profile = ProfileFactory(user=user, borough=borough, unit=unit)
        elif (profile.borough_id, profile.unit_id) != (
            getattr(borough, "pk", None),
            getattr(unit, "pk", None),
        ):
            profile.borough, profile.unit = borough, unit
            profile.save()
        profile.supported_boroughs.set([boroughs[s] for s in demo.supports])
        made.append(demo.username)
    return made


# Made-up contact details for the demo: 020 7946 0xxx is Ofcom's range for drama, never a line.
DEMO_CONTACTS = {
    "dmc_phone": "020 7946 0018",
    "dmc_email": "dmc.borough-support@example.police.uk",
    "dmc_hours": "Monday to Friday, 8am to 6pm",
    "press_bureau_email": "press.bureau@example.police.uk",
}


def set_demo_contacts() -> None:
    """Fill in the contacts DMC has not set; never overwrite what someone typed."""
    contacts = ContactSettings.load()
    changed = [name for name, value in DEMO_CONTACTS.items() if not getattr(contacts, name)]
    for name in changed:
        setattr(contacts, name, DEMO_CONTACTS[name])
    if changed:
        contacts.save(update_fields=changed)
