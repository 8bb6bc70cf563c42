"""The starter library: scenario templates written as London borough and ward accounts post.

Each ``TemplateSpec`` reads like a real borough (``@MPSLewisham``) or ward (``@MPSBrockley``)
tweet. Slot values carry the facts the text states, so what a learner reads is what the RAG
engine grades: a value that says a pedestrian has a fractured pelvis sets ``ksi``; a value that
says "as reported in the @SouthwarkNews" sets ``in_public_domain``; a value that names an
arrested man sets ``names_suspect_before_charge``.

Together the templates reach every topic of the initial rulebook, fire every rule that can fire
with it (``not-covered`` cannot: every initial topic is covered), and produce all four kinds of
near-miss trap: KSI vs non-KSI collisions, 7 vs 8 days since sentencing, the same amber item in
and out of the public domain, and a suspect image with and without authorised release. They also
teach the traps of ``reference/domain-law.md``: naming a suspect before charge, "known burglar"
wording, identifying a sexual-offence victim by clues, a 15-year-old in youth court, retweeting
an unknown account, breaking and major incidents, the terror threat level, replying to a
complaint, budget cuts and BigWing results.

Tags name the subject, the ratings a template produces ("green", "amber", "red") and the traps it
teaches ("trap:..." and "near-miss:..."). Difficulty is 1 (read the table), 2 (one trap) or 3
(a near miss, or several facts at once).

Pure Python: imports only the standard library and ``scenarios.generator``.
"""

from __future__ import annotations

from scenarios.generator import SlotValue, TemplateSpec

__all__ = ["STARTER_TEMPLATES", "starter_library"]


def _v(text: str, **facts: object) -> SlotValue:
    """A slot value: its text, and the facts that text states."""
    return SlotValue(text, facts)


# Reused "attached image" notes. The post text tells the learner what goes with the post.
_PHOTO_AUTHORISED = "release authorised by the OIC"
_PHOTO_NOT_AUTHORISED = "no release decision recorded yet"


STARTER_TEMPLATES: tuple[TemplateSpec, ...] = (
    # ------------------------------------------------------------------ GREEN topics
    TemplateSpec(
        key="burglary-arrest-update",
        title="Burglary arrest: anonymised update",
        text=(
            "Officers from #Lewisham Safer Neighbourhoods Team arrested a {age}-year-old man on "
            "suspicion of burglary in {street} this morning. {status} Call 101 quoting CAD {cad}."
        ),
        slots={
            "age": ("19", "46"),
            "street": ("Brockley Road", "Rushey Green", "Lee High Road"),
            "status": (
                "He remains in custody.",
                "He has been bailed to return in June.",
                "He has been released under investigation.",
            ),
            "cad": ("2417/14MAR", "0983/02JUN"),
        },
        fixed_facts={"topic": "burglary"},
        account="@MPSLewisham",
        tags=("arrest", "burglary", "green"),
        difficulty=1,
    ),
    TemplateSpec(
        key="burglary-arrest-named-suspect",
        title="Burglary arrest: naming the suspect and 'known burglar'",
        text=(
            "#Catford: {who} was arrested on suspicion of burglary in {street} last night"
            "{detail}. Call 101 quoting CAD 6612/21FEB."
        ),
        slots={
            "who": (
                "a 32-year-old man from Lewisham",
                "a 19-year-old man from Bellingham",
                _v("John Reid, 32, of Ash Road,", names_suspect_before_charge=True),
                _v("Darren Cole, 19, of Verdant Lane,", names_suspect_before_charge=True),
            ),
            "street": ("Bromley Road", "Catford Hill"),
            "detail": (
                " and remains in custody",
                " and has been bailed to a date in May",
                _v(
                    ". He's a known burglar and we've nicked him for this before",
                    prejudicial_content=True,
                ),
            ),
        },
        fixed_facts={"topic": "burglary"},
        account="@MPSRusheyGreen",
        tags=(
            "arrest",
            "burglary",
            "green",
            "red",
            "trap:named-before-charge",
            "trap:prejudicial",
        ),
        difficulty=2,
    ),
    TemplateSpec(
        key="assault-arrest-croydon",
        title="Assault arrest in Croydon town centre",
        text=(
            "A {age}-year-old man has been arrested after {incident} on North End, #Croydon. "
            "{victim} {sign_off} Witnesses, call 101 quoting CAD 4471/09AUG."
        ),
        slots={
            "age": ("23", "38"),
            "incident": (
                "a bus driver was punched",
                "a shop worker was assaulted",
                "a fight outside a bar",
            ),
            "victim": (
                "The victim was treated for minor injuries.",
                "The victim did not need hospital treatment.",
            ),
            "sign_off": (
                _v("📷 Our officers on patrol in the town centre this afternoon.", image="general"),
                "Thank you to everyone who called us.",
            ),
        },
        fixed_facts={"topic": "assault"},
        account="@MPSCroydon",
        tags=("arrest", "assault", "image", "green"),
        difficulty=1,
    ),
    TemplateSpec(
        key="assault-breaking-brixton",
        title="Live update on a fight: breaking news on a green topic",
        text=(
            "{lead} Officers are at the scene of {incident} on {street}, #Brixton. {injury} "
            "{status}"
        ),
        slots={
            "lead": ("LIVE:", "Right now:"),
            "incident": ("a fight between two groups", "an assault outside a nightclub"),
            "street": ("Coldharbour Lane", "Brixton Road"),
            "injury": ("One man has minor cuts and bruises.", "No one was seriously hurt."),
            "status": (
                "The area is calm and two men have been arrested.",
                "No arrests yet; please stay away while officers speak to witnesses.",
                _v(
                    "Footage is already going viral and the Evening Standard has been in touch.",
                    wider_interest=True,
                ),
            ),
        },
        fixed_facts={"topic": "assault", "breaking": True},
        account="@MPSLambeth",
        tags=("assault", "breaking", "wider-interest", "green", "amber"),
        difficulty=2,
    ),
    TemplateSpec(
        key="sexual-assault-appeal-victim-clues",
        title="Sexual assault appeal: identifying the victim by clues",
        text=(
            "We are appealing for witnesses after {victim} was sexually assaulted on {street}, "
            "#Peckham, at around {time} on Saturday. Call 101 quoting CAD 7730/13JUL. "
            "{publicity}"
        ),
        slots={
            "victim": (
                "a woman in her twenties",
                _v(
                    "a 25-year-old woman who lives above the Co-op on Rye Lane",
                    identifies_sexual_offence_victim=True,
                ),
                _v(
                    "a 19-year-old Goldsmiths student who works at the Bellenden Road bakery",
                    identifies_sexual_offence_victim=True,
                ),
            ),
            "street": ("Peckham High Street", "Queen's Road"),
            "time": ("11pm", "2am"),
            "publicity": (
                _v("The appeal ran in the @SouthLondonPress this morning.", in_public_domain=True),
                _v(
                    "This is the first time the appeal has been made public.",
                    in_public_domain=False,
                ),
            ),
        },
        fixed_facts={"topic": "appeal"},
        account="@MPSSouthwark",
        tags=(
            "appeal",
            "sexual-offence",
            "amber",
            "red",
            "trap:sexual-offence-victim",
            "near-miss:public-domain",
        ),
        difficulty=3,
    ),
    TemplateSpec(
        key="car-crime-catalytic-converters",
        title="Catalytic converter thefts, with photos",
        text=(
            "We've had {count} catalytic converter thefts in {ward} in the last fortnight, mostly "
            "from {vehicles} parked on driveways overnight. {extra} #Barnet"
        ),
        slots={
            "count": ("six", "eleven"),
            "ward": ("Colindale", "Mill Hill", "East Finchley"),
            "vehicles": ("Toyota Priuses", "Honda Jazzes"),
            "extra": (
                _v(
                    "📷 Free converter marking at Colindale station on Saturday, 10am to 2pm.",
                    image="general",
                ),
                "Park close to a wall or in a garage if you can.",
                _v(
                    f"📷 CCTV stills of two suspects attached ({_PHOTO_AUTHORISED}).",
                    image="suspect",
                    image_release_authorised=True,
                ),
                _v(
                    f"📷 CCTV stills of two suspects attached ({_PHOTO_NOT_AUTHORISED}).",
                    image="suspect",
                    image_release_authorised=False,
                ),
            ),
        },
        fixed_facts={"topic": "car-crime"},
        account="@MPSBarnet",
        tags=(
            "car-crime",
            "image",
            "green",
            "red",
            "trap:suspect-image",
            "near-miss:image-authorisation",
        ),
        difficulty=2,
    ),
    TemplateSpec(
        key="graffiti-damage-youths",
        title="Criminal damage by teenagers: the youth court trap",
        text=(
            "Thanks to residents who reported the graffiti and smashed windows at {place}. "
            "{suspects} {sign_off}"
        ),
        slots={
            "place": (
                "the Clissold Park cafe",
                "Stoke Newington Library",
                "the bus shelters on Stoke Newington High Street",
            ),
            "suspects": (
                "Two boys aged 15 were arrested and have been released on bail.",
                "Officers are reviewing CCTV.",
                _v(
                    "Two Year 10 pupils from Stoke Newington School, both 15, have been charged "
                    "and will appear at Highbury Corner Youth Court next week.",
                    topic="charge-details",
                    identifies_child_in_proceedings=True,
                ),
                _v(
                    "Tyler Brooks, 15, of Cazenove Road, has been charged and will appear at "
                    "Highbury Corner Youth Court on Monday.",
                    topic="charge-details",
                    identifies_child_in_proceedings=True,
                ),
            ),
            "sign_off": (
                _v("📷 The damage this morning.", image="general"),
                "You can also report graffiti to @hackneycouncil.",
            ),
        },
        fixed_facts={"topic": "criminal-damage"},
        account="@MPSStokeNewington",
        tags=("criminal-damage", "youth", "green", "red", "trap:child-in-proceedings"),
        difficulty=2,
    ),
    TemplateSpec(
        key="youth-court-fifteen-year-old",
        title="Youth court result for a 15-year-old",
        text=(
            "{defendant} was given {sentence} at Stratford Youth Court {when} after admitting "
            "{offence}. The case was reported by the @NewhamRecorder."
        ),
        slots={
            "defendant": (
                "A 15-year-old boy from Forest Gate",
                _v("Kyle Morgan, 15, of Forest Gate,", identifies_child_in_proceedings=True),
                _v(
                    "A 15-year-old Year 10 pupil at Forest Gate Community School",
                    identifies_child_in_proceedings=True,
                ),
            ),
            "offence": (
                "robbing a phone from another teenager on Romford Road",
                "carrying a knife near Upton Park station",
            ),
            "sentence": ("a 12-month referral order", "a youth rehabilitation order"),
            "when": (
                _v("today", days_since_sentencing=0),
                _v("yesterday", days_since_sentencing=1),
            ),
        },
        fixed_facts={"topic": "court-result", "in_public_domain": True},
        account="@MPSNewham",
        tags=("court", "youth", "amber", "red", "trap:child-in-proceedings"),
        difficulty=2,
    ),
    TemplateSpec(
        key="collision-road-closed-live",
        title="Road closed after a collision: minor injuries or KSI",
        text=(
            "ROAD CLOSED: {road} is shut in both directions after a collision {when}. {injury} "
            "Please avoid the area. CAD 1184/03NOV."
        ),
        slots={
            "road": (
                "the A10 Great Cambridge Road at Bullsmoor Lane",
                "Hertford Road near Ordnance Road",
                "Fore Street at Silver Street",
            ),
            "when": ("in the last half hour", "just after 7am"),
            "injury": (
                _v("Two drivers have minor cuts and bruises.", ksi=False),
                _v("One driver was treated at the scene for whiplash.", ksi=False),
                _v("A motorcyclist has been taken to hospital with a broken leg.", ksi=True),
                _v(
                    "A pedestrian has been taken to a major trauma centre with life-threatening "
                    "injuries.",
                    ksi=True,
                ),
            ),
        },
        fixed_facts={"topic": "road-traffic-collision", "breaking": True},
        account="@MPSEnfield",
        tags=("collision", "ksi", "breaking", "green", "red", "near-miss:ksi"),
        difficulty=3,
    ),
    TemplateSpec(
        key="collision-update-ksi-public-domain",
        title="Collision update: KSI in and out of the public domain",
        text="Update on the collision on {road} on Tuesday evening: {injury} {publicity}",
        slots={
            "road": ("the Great West Road", "Bath Road, Hounslow West", "Staines Road"),
            "injury": (
                _v("two cyclists were treated for minor cuts and grazes.", ksi=False),
                _v(
                    "the driver was treated for bruising at West Middlesex Hospital and sent home.",
                    ksi=False,
                ),
                _v(
                    "a 72-year-old pedestrian remains in hospital with a fractured pelvis.",
                    ksi=True,
                ),
                _v(
                    "sadly a 19-year-old motorcyclist died at the scene; his family have been "
                    "told.",
                    ksi=True,
                ),
            ),
            "publicity": (
                _v(
                    "The crash was covered by the @HounslowChron yesterday.",
                    in_public_domain=True,
                ),
                _v("No details have been released to the media yet.", in_public_domain=False),
            ),
        },
        fixed_facts={"topic": "road-traffic-collision"},
        account="@MPSHounslow",
        tags=(
            "collision",
            "ksi",
            "green",
            "amber",
            "red",
            "near-miss:ksi",
            "near-miss:public-domain",
        ),
        difficulty=3,
    ),
    TemplateSpec(
        key="shed-burglary-prevention",
        title="Shed break-ins: crime prevention advice",
        text=(
            "{count} sheds and garages broken into in {ward} this week, with {items} taken. "
            "Lock up, mark your tools and register them on Immobilise. More advice: "
            "met.police.uk/cp {sign_off}"
        ),
        slots={
            "count": ("Three", "Five"),
            "ward": ("Petts Wood", "Chislehurst", "Biggin Hill"),
            "items": ("bikes and power tools", "lawnmowers"),
            "sign_off": (_v("📷 A shed lock that works.", image="general"), "#Bromley"),
        },
        fixed_facts={"topic": "crime-prevention"},
        account="@MPSBromley",
        tags=("crime-prevention", "burglary", "green"),
        difficulty=1,
    ),
    TemplateSpec(
        key="street-meeting-thanks",
        title="Thank you for coming to the street meeting",
        text=(
            "Thanks to everyone who came to tonight's {meeting} on Upper Brockley Road. You told "
            "us {priority} is your top priority, so we'll be out on it this week. Next one: "
            "{when} at {venue}. 📷"
        ),
        slots={
            "meeting": ("street meeting", "ward panel meeting", "Cuppa with a Copper"),
            "priority": ("speeding", "drug dealing near the station", "bike theft"),
            "when": ("Tuesday 7pm", "Saturday 11am"),
            "venue": ("Crofton Park Library", "St Peter's Church hall"),
        },
        fixed_facts={"topic": "community-meeting"},
        image_kind="general",
        account="@MPSBrockley",
        tags=("community-meeting", "image", "green"),
        difficulty=1,
    ),
    TemplateSpec(
        key="good-news-wider-interest",
        title="Good news, or a story for the national press?",
        text="{story} {coverage} #Lambeth",
        slots={
            "story": (
                "Well done PCSO Amira Khan, who helped an 84-year-old man with dementia get home "
                "safely from Kennington Park last night.",
                "Congratulations to PC Dan Hughes, who delivered a baby girl on the platform at "
                "Kennington station this morning! Mum and baby are doing well.",
                "Thanks to the Oval ward team and volunteers who collected 200kg of litter on "
                "Kennington Road today.",
            ),
            "coverage": (
                _v("📷 Photo shared with permission.", image="general"),
                "Proud of our team.",
                _v(
                    "BBC London and the Evening Standard are already asking us for interviews.",
                    wider_interest=True,
                ),
                _v(
                    "The video has had two million views overnight and national papers have been "
                    "in touch.",
                    wider_interest=True,
                ),
            ),
        },
        fixed_facts={"topic": "local-good-news"},
        account="@MPSKennington",
        tags=("good-news", "wider-interest", "green", "amber", "trap:wider-interest"),
        difficulty=2,
    ),
    TemplateSpec(
        key="retweet-listed-or-unknown",
        title="Retweet: Met, council, residents' group or an unknown account",
        text="RT {account}: {message}",
        slots={
            "account": (
                _v("@metpoliceuk", source="metpoliceuk"),
                _v("@metpolicevents", source="metpolicevents"),
                _v("@haringeycouncil", source="local-council"),
                _v("@TottenhamHaleResidents", source="community-group"),
                _v("@TottenhamUncut", source="tottenhamuncut"),
                _v("@LondonCrimeLive", source="londoncrimelive"),
            ),
            "message": (
                "Free bike marking at Tottenham Hale station this Saturday, 10am to 2pm.",
                "Lock your car and keep valuables out of sight: thefts from vehicles are up this "
                "month.",
                "Road closures on Tottenham High Road for Sunday's fun run.",
            ),
        },
        fixed_facts={"topic": "retweet"},
        account="@MPSTottenhamHale",
        tags=("retweet", "green", "amber", "trap:unknown-source"),
        difficulty=1,
    ),
    TemplateSpec(
        key="retweet-naming-suspect",
        title="Retweet of a local account that names or convicts a suspect",
        text="RT {account}: {message}",
        slots={
            "account": (
                _v("@PeckhamRyeResidents", source="community-group"),
                _v("@southwarkcouncil", source="local-council"),
                _v("@SE15Talk", source="se15talk"),
            ),
            "message": (
                "Great turnout at the Peckham Rye litter pick this morning. Thank you all!",
                _v(
                    "Darren Cole, 24, from the Acorn estate was arrested yesterday on suspicion "
                    "of the Rye Lane burglaries.",
                    names_suspect_before_charge=True,
                ),
                _v(
                    "That thug who's been breaking into cars on Bellenden Road has finally been "
                    "arrested. He's done it before!",
                    prejudicial_content=True,
                ),
            ),
        },
        fixed_facts={"topic": "retweet"},
        account="@MPSPeckham",
        tags=(
            "retweet",
            "green",
            "amber",
            "red",
            "trap:named-before-charge",
            "trap:prejudicial",
        ),
        difficulty=2,
    ),
    TemplateSpec(
        key="link-advice-sources",
        title="Linking to advice: Met, partner, council or an unknown site",
        text="{intro} {url}",
        slots={
            "intro": (
                "Going away for half-term? Read our advice on keeping your home safe:",
                "Had your bike stolen? Here's how to report it and get it back:",
                "Worried about doorstep scams? Advice here:",
            ),
            "url": (
                _v("met.police.uk/advice", source="mps-website"),
                _v("ourwatch.org.uk", source="partner-website"),
                _v("sutton.gov.uk/community-safety", source="local-council"),
                _v("suttonstreetcrime.wordpress.com", source="suttonstreetcrime"),
                _v("bikesnatchers.co.uk (a site a resident sent us)", source="bikesnatchers"),
            ),
        },
        fixed_facts={"topic": "link"},
        account="@MPSSutton",
        tags=("link", "crime-prevention", "green", "amber", "trap:unknown-source"),
        difficulty=1,
    ),
    TemplateSpec(
        key="dispersal-order-newham",
        title="Dispersal order for anti-social behaviour",
        text=(
            "A dispersal order is in place in {area} from {start} tonight until 6am tomorrow "
            "after {reason}. Officers can direct anyone causing ASB to leave the area. "
            "{sign_off}"
        ),
        slots={
            "area": ("Stratford Park", "the Green Street area", "Forest Gate town centre"),
            "start": ("6pm", "8pm"),
            "reason": (
                "reports of groups intimidating shoppers",
                "a rise in anti-social riding of bikes and e-scooters",
            ),
            "sign_off": (
                _v("📷 Officers on patrol earlier.", image="general"),
                "Report ASB on 101 or online.",
            ),
        },
        fixed_facts={"topic": "anti-social-behaviour"},
        account="@MPSNewham",
        tags=("anti-social-behaviour", "green"),
        difficulty=1,
    ),
    TemplateSpec(
        key="off-road-bikes-seized",
        title="Nuisance off-road bikes seized",
        text=(
            "Our Edmonton team seized {count} off-road bikes being ridden dangerously {place} "
            "this weekend. Thanks to everyone who reported them. {sign_off}"
        ),
        slots={
            "count": ("three", "five", "seven"),
            "place": ("on the Latymer estate", "in Pymmes Park"),
            "sign_off": (
                _v("📷 The bikes, now off our streets.", image="general"),
                "Keep the reports coming on 101.",
            ),
        },
        fixed_facts={"topic": "anti-social-behaviour"},
        account="@MPSEdmontonGreen",
        tags=("anti-social-behaviour", "good-news", "green"),
        difficulty=1,
    ),
    TemplateSpec(
        key="stolen-car-stop-harrow",
        title="Stolen car stopped, arrests made",
        text=(
            "Wealdstone ward officers stopped a stolen {car} on {road} last night and arrested "
            "{who} on suspicion of vehicle theft. {extra}"
        ),
        slots={
            "car": ("Range Rover", "Ford Fiesta"),
            "road": ("Station Road", "Kenton Road"),
            "who": ("two men aged 19 and 23", "a 17-year-old boy"),
            "extra": (
                "Enquiries continue.",
                "Keyless car? Keep your fob in a signal-blocking pouch.",
                _v("📷 The recovered car.", image="general"),
            ),
        },
        fixed_facts={"topic": "car-crime"},
        account="@MPSHarrow",
        tags=("car-crime", "arrest", "green"),
        difficulty=1,
    ),
    TemplateSpec(
        key="weapons-sweep-good-news",
        title="Weapons sweep and school visits: local good news",
        text="Great work by {team}, who {deed} in {place} today. {sign_off}",
        slots={
            "team": ("the Bow East ward team", "our Safer Schools officers"),
            "deed": (
                "found two knives hidden in bushes during a weapons sweep",
                "talked to 300 pupils about staying safe online",
                "returned a stolen bike to its owner thanks to its BikeRegister marking",
            ),
            "place": ("Bow", "Mile End"),
            "sign_off": (_v("📷 The team this afternoon.", image="general"), "#TowerHamlets"),
        },
        fixed_facts={"topic": "local-good-news"},
        account="@MPSBowEast",
        tags=("good-news", "green"),
        difficulty=1,
    ),
    TemplateSpec(
        key="phone-snatch-prevention",
        title="Phone snatches: prevention advice",
        text=(
            "Phone snatches are up {trend} around {place}. Keep your phone away from the kerb "
            "and {tip}. {sign_off}"
        ),
        slots={
            "trend": ("by a third this month", "again this summer"),
            "place": ("Camden Market", "Camden Town station"),
            "tip": ("look up from your screen when you leave the station", "turn on Find My"),
            "sign_off": (
                _v("📷 Our officers handing out advice today.", image="general"),
                "More tips at met.police.uk.",
            ),
        },
        fixed_facts={"topic": "crime-prevention"},
        account="@MPSCamden",
        tags=("crime-prevention", "green"),
        difficulty=1,
    ),
    TemplateSpec(
        key="ward-panel-follow-up",
        title="Ward panel follow-up that strays into red topics",
        text="Thanks to all who came to the {ward} ward panel last night. {follow_up}",
        slots={
            "ward": ("Brixton Hill", "Herne Hill", "Tulse Hill"),
            "follow_up": (
                _v(
                    "Your priorities for the next three months: drug dealing on Coldharbour Lane "
                    "and moped thefts.",
                    topic="community-meeting",
                ),
                _v("Next meeting: 12 March, 7pm at Brixton Library.", topic="community-meeting"),
                _v(
                    "To the resident who complained about how long we took to attend her "
                    "burglary: sorry, we were short-staffed and it wasn't good enough.",
                    topic="complaint-response",
                ),
                _v(
                    "Yes, we're losing four PCSOs in April because of budget cuts. We're as "
                    "unhappy as you are.",
                    topic="budget-financial",
                ),
                _v(
                    "On the officer filmed swearing at a cyclist: he has been placed on "
                    "restricted duties pending a misconduct investigation.",
                    topic="staff-disciplinary",
                ),
            ),
        },
        account="@MPSBrixtonHill",
        tags=(
            "community-meeting",
            "complaint",
            "budget",
            "discipline",
            "green",
            "red",
            "trap:red-topic",
        ),
        difficulty=2,
    ),
    # ------------------------------------------------------------------ AMBER topics
    TemplateSpec(
        key="bigwing-results-brent",
        title="Operation BigWing results",
        text=(
            "Op #BigWing ran across all 32 boroughs today{publicity}. In #Brent: {arrests} "
            "arrests, {warrants} warrants executed and {extra}. Thank you to everyone who helped."
        ),
        slots={
            "publicity": (
                _v(", as @metpoliceuk announced this morning", in_public_domain=True),
                _v(
                    " (the Met announces it tomorrow, so here's an early look)",
                    in_public_domain=False,
                ),
            ),
            "arrests": ("25", "31"),
            "warrants": ("6", "9"),
            "extra": (
                "two knives seized on Kilburn High Road",
                "a street briefing outside Wembley Central station",
                "ANPR stops on the North Circular",
            ),
        },
        fixed_facts={"topic": "met-wide-operation"},
        account="@MPSBrent",
        tags=("met-wide-operation", "bigwing", "amber", "red", "near-miss:public-domain"),
        difficulty=2,
    ),
    TemplateSpec(
        key="dawn-raids-live",
        title="Dawn raids happening now",
        text=(
            "Happening now: officers are carrying out {count} dawn raids across #Newham as part of "
            "{operation}{publicity}. {detail}"
        ),
        slots={
            "count": ("12", "20"),
            "operation": (
                "the Met-wide crackdown on county lines",
                "Operation Orochi against county lines drug dealing",
            ),
            "publicity": (
                _v(", which @metpoliceuk announced at 6am", in_public_domain=True),
                _v(". It hasn't been announced yet", in_public_domain=False),
            ),
            "detail": (
                "More to follow.",
                "Expect to see a lot of officers in Stratford and Canning Town.",
            ),
        },
        fixed_facts={"topic": "met-wide-operation", "breaking": True},
        account="@MPSStratford",
        tags=("met-wide-operation", "breaking", "amber", "red", "near-miss:public-domain"),
        difficulty=3,
    ),
    TemplateSpec(
        key="engagement-campaign-westminster",
        title="Met engagement campaign week",
        text=(
            "{campaign}{publicity} Our officers will be at {venue} on {day}, so come and say "
            "hello. #Westminster"
        ),
        slots={
            "campaign": (
                "It's Operation Sceptre week of action against knife crime.",
                "We're supporting the Met's #WalkAndTalk campaign on women's safety.",
                "We're backing the #LookCloser campaign on child exploitation.",
            ),
            "publicity": (
                _v(" The Met launched it this morning.", in_public_domain=True),
                _v(" It launches next Monday: you heard it here first!", in_public_domain=False),
            ),
            "venue": ("Church Street Market", "Edgware Road station"),
            "day": ("Thursday", "Saturday"),
        },
        fixed_facts={"topic": "engagement-campaign"},
        account="@MPSWestminster",
        tags=("engagement-campaign", "amber", "red", "near-miss:public-domain"),
        difficulty=2,
    ),
    TemplateSpec(
        key="court-result-sentencing-window",
        title="Court result: how long since sentencing?",
        text=(
            "{defendant} was jailed for {term} at Inner London Crown Court {when} for a string "
            "of burglaries in #Walworth. The case was reported in the @SouthwarkNews."
        ),
        slots={
            "defendant": ("Daniel Price, 34, of Camberwell,", "Aisha Khan, 29, of Peckham,"),
            "term": ("two years", "four years"),
            "when": (
                _v("two days ago", days_since_sentencing=2),
                _v("six days ago", days_since_sentencing=6),
                _v("a week ago today", days_since_sentencing=7),
                _v("eight days ago", days_since_sentencing=8),
                _v("ten days ago", days_since_sentencing=10),
                _v("a fortnight ago", days_since_sentencing=14),
            ),
        },
        fixed_facts={"topic": "court-result", "in_public_domain": True},
        account="@MPSSouthwark",
        tags=("court", "sentencing", "amber", "red", "near-miss:sentencing"),
        difficulty=3,
    ),
    TemplateSpec(
        key="court-result-custody-image",
        title="Court result with a custody image",
        text=(
            "{defendant} was sentenced to {sentence} at Wood Green Crown Court {when} for "
            "burgling homes in #Holloway, as reported in the @IslingtonGazette. {image}"
        ),
        slots={
            "defendant": (
                "Lee Carter, 41, of Holloway Road,",
                "Marcus Bell, 27, of Caledonian Road,",
            ),
            "sentence": ("a two-year community order", "three years in prison"),
            "when": (
                _v("yesterday", days_since_sentencing=1),
                _v("on Tuesday, three days ago", days_since_sentencing=3),
                _v("a week ago today", days_since_sentencing=7),
                _v("eight days ago", days_since_sentencing=8),
            ),
            "image": (
                _v(
                    f"[Custody image attached: {_PHOTO_AUTHORISED}]",
                    image="suspect",
                    image_release_authorised=True,
                ),
                _v(
                    f"[Custody image attached: {_PHOTO_NOT_AUTHORISED}]",
                    image="suspect",
                    image_release_authorised=False,
                ),
                _v("[Photo attached: the stolen jewellery we recovered]", image="general"),
            ),
        },
        fixed_facts={"topic": "court-result", "in_public_domain": True},
        account="@MPSIslington",
        tags=(
            "court",
            "image",
            "amber",
            "red",
            "near-miss:image-authorisation",
            "near-miss:sentencing",
        ),
        difficulty=3,
    ),
    TemplateSpec(
        key="court-result-wider-interest",
        title="Court result the Standard and BBC London are following",
        text=(
            "{defendant} was sentenced at Croydon Crown Court {when} to {case}. {coverage} #Croydon"
        ),
        slots={
            "defendant": ("Jamal Reid, 24, of Thornton Heath,", "Connor Walsh, 31, of Selhurst,"),
            "case": (
                _v("14 years for a stabbing at the Sandilands tram stop", wider_interest=True),
                "18 months for assaulting a bus driver on London Road",
            ),
            "when": (
                _v("today", days_since_sentencing=0),
                _v("on Friday, three days ago", days_since_sentencing=3),
                _v("nine days ago", days_since_sentencing=9),
            ),
            "coverage": (
                _v("The trial was reported by the @CroydonAdvertiser.", in_public_domain=True),
                _v(
                    "The trial was followed by the Evening Standard, BBC London and the "
                    "national papers.",
                    in_public_domain=True,
                    wider_interest=True,
                ),
            ),
        },
        fixed_facts={"topic": "court-result"},
        account="@MPSCroydon",
        tags=("court", "wider-interest", "amber", "red", "trap:wider-interest"),
        difficulty=3,
    ),
    TemplateSpec(
        key="joint-operation-trading-standards",
        title="Joint operation with the council",
        text=(
            "{publicity} our officers joined @towerhamletsnow Trading Standards on {street} today "
            "for {activity}. {result}"
        ),
        slots={
            "publicity": (
                _v("Following the council's press release yesterday,", in_public_domain=True),
                _v("Ahead of the council's announcement next week,", in_public_domain=False),
            ),
            "street": ("Brick Lane", "Whitechapel Road", "Roman Road Market"),
            "activity": (
                "a day of action on illegal street trading",
                "licensing checks on late-night shops",
            ),
            "result": (
                "Fourteen shops were visited and counterfeit cigarettes seized.",
                "Four premises were given warnings.",
            ),
        },
        fixed_facts={"topic": "local-joint-initiative"},
        account="@MPSTowerHam",
        tags=("joint-initiative", "amber", "red", "near-miss:public-domain"),
        difficulty=2,
    ),
    TemplateSpec(
        key="asbo-dalston",
        title="ASBO or Criminal Behaviour Order granted",
        text=(
            "{person} has been given {order} at Thames Magistrates' Court banning him from "
            "{area} for two years after months of anti-social behaviour. {publicity}"
        ),
        slots={
            "person": (
                "A 24-year-old man from Dalston",
                "Ryan Ellis, 31, of Kingsland Road,",
                _v(
                    "Jordan Pike, 16, of the Nightingale Estate,",
                    identifies_child_in_proceedings=True,
                ),
            ),
            "order": ("an ASBO", "a Criminal Behaviour Order"),
            "area": ("Ridley Road Market", "Dalston Junction station"),
            "publicity": (
                _v("The order was reported in the @HackneyGazette today.", in_public_domain=True),
                _v("The order has not been publicised yet.", in_public_domain=False),
            ),
        },
        fixed_facts={"topic": "asbo"},
        account="@MPSDalston",
        tags=("asbo", "youth", "amber", "red", "near-miss:public-domain"),
        difficulty=2,
    ),
    TemplateSpec(
        key="evacuation-kentish-town",
        title="Evacuation: now or earlier, public or not",
        text=(
            "{homes} in {street}, #KentishTown, {state} as a precaution after {cause}. {publicity}"
        ),
        slots={
            "homes": ("Around 30 homes", "Two blocks of flats"),
            "street": ("Kentish Town Road", "Leighton Road"),
            "state": (
                _v("are being evacuated right now", breaking=True),
                _v("were evacuated earlier today (residents are now back home)", breaking=False),
            ),
            "cause": ("a suspected gas leak", "a burst water main undermined the road"),
            "publicity": (
                _v(
                    "@CamdenCouncil and @LondonFire have already tweeted about it.",
                    in_public_domain=True,
                ),
                _v("Nothing has been released publicly yet.", in_public_domain=False),
            ),
        },
        fixed_facts={"topic": "evacuation-emergency"},
        account="@MPSCamden",
        tags=("evacuation", "breaking", "amber", "red", "near-miss:public-domain"),
        difficulty=3,
    ),
    TemplateSpec(
        key="speeding-crackdown-havering",
        title="Speeding crackdown results",
        text="{publicity} speed checks on {road}: {result} {sign_off}",
        slots={
            "publicity": (
                _v(
                    "As part of the speeding crackdown @MPSRTPC announced on Monday, we ran",
                    in_public_domain=True,
                ),
                _v(
                    "Starting a speeding crackdown we haven't announced yet: today we ran",
                    in_public_domain=False,
                ),
            ),
            "road": ("the A127 Southend Arterial Road", "Main Road, Gidea Park", "the A12"),
            "result": (
                "43 drivers caught, the fastest at 67mph in a 40.",
                "19 drivers caught, one at 52mph in the 20 zone outside a primary school.",
            ),
            "sign_off": (
                _v("📷 Our officers with the speed gun this morning.", image="general"),
                "Slow down. #Havering",
            ),
        },
        fixed_facts={"topic": "speeding-crackdown"},
        account="@MPSHavering",
        tags=("speeding", "amber", "red", "near-miss:public-domain"),
        difficulty=2,
    ),
    TemplateSpec(
        key="wanted-suspect-cctv",
        title="Wanted: CCTV image of a suspect",
        text=(
            "WANTED: Do you know this man? We want to find him in connection with {offence} on "
            "{street}, #Brixton. {publicity} Call 101 or @CrimestoppersUK anonymously on "
            "0800 555 111. {image}"
        ),
        slots={
            "offence": (
                "a robbery at a phone shop",
                "an assault on a bus driver",
                "a burglary",
            ),
            "street": ("Coldharbour Lane", "Brixton Road"),
            "publicity": (
                _v("The appeal ran in the @BrixtonBlog yesterday.", in_public_domain=True),
                _v("This is the first time we've released this appeal.", in_public_domain=False),
            ),
            "image": (
                _v(
                    "[CCTV image attached: release authorised by the SIO]",
                    image="suspect",
                    image_release_authorised=True,
                ),
                _v(
                    "[CCTV image attached: release not yet authorised]",
                    image="suspect",
                    image_release_authorised=False,
                ),
            ),
        },
        fixed_facts={"topic": "wanted-suspect"},
        account="@MPSLambeth",
        tags=(
            "wanted",
            "image",
            "amber",
            "red",
            "near-miss:image-authorisation",
            "near-miss:public-domain",
        ),
        difficulty=3,
    ),
    TemplateSpec(
        key="missing-person-merton",
        title="Missing person appeal",
        text=(
            "MISSING: Have you seen {person}? They were last seen {where} at about 9pm yesterday. "
            "{publicity} Please call 101 quoting 24MIS012345. {sign_off}"
        ),
        slots={
            "person": ("Amy, 15", "Grace, 82", "Tom, 14"),
            "where": ("near Mitcham Fair Green", "at Morden station", "on Wimbledon Broadway"),
            "publicity": (
                _v(
                    "Their family's appeal was shared by @metpoliceuk and the @wimbledonguardian "
                    "last night.",
                    in_public_domain=True,
                ),
                _v("We have not released any details until now.", in_public_domain=False),
            ),
            "sign_off": (_v("📷 Family photo attached.", image="general"), "Please share."),
        },
        fixed_facts={"topic": "missing-person"},
        account="@MPSMerton",
        tags=("missing-person", "amber", "red", "near-miss:public-domain"),
        difficulty=2,
    ),
    TemplateSpec(
        key="missing-person-found",
        title="Missing person found safe",
        text="UPDATE: {person}, {appeal}, has been found safe and well. Thank you. {sign_off}",
        slots={
            "person": ("Chloe, 16", "Mr Patel, 79"),
            "appeal": (
                _v(
                    "whose appeal @metpoliceuk and the @NewsShopper shared yesterday",
                    in_public_domain=True,
                ),
                _v(
                    "reported missing this morning (no appeal was published)",
                    in_public_domain=False,
                ),
            ),
            "sign_off": (
                "Thank you to the officers who searched through the night.",
                "#Bexleyheath",
                "Officers are with the family now.",
            ),
        },
        fixed_facts={"topic": "missing-person"},
        account="@MPSBexley",
        tags=("missing-person", "amber", "red", "near-miss:public-domain"),
        difficulty=2,
    ),
    TemplateSpec(
        key="charge-details-ealing",
        title="Charge details, and a hint of previous convictions",
        text=(
            "{defendant} has been charged with {offence} and will appear at Uxbridge Magistrates' "
            "Court {date}. {extra}"
        ),
        slots={
            "defendant": ("Priya Sandhu, 28, of Southall,", "Michael Okafor, 35, of Acton,"),
            "offence": (
                "assault occasioning actual bodily harm after a fight on The Broadway",
                "burglary of a home in Hanwell",
            ),
            "date": ("tomorrow", "on 5 June"),
            "extra": (
                _v(
                    "The charge was reported in the @EalingTimes this morning.",
                    in_public_domain=True,
                ),
                _v(
                    "This is the first we've said publicly about the charge.",
                    in_public_domain=False,
                ),
                _v(
                    "The charge was in the @EalingTimes this morning, and it's not the first time "
                    "we've dealt with this defendant.",
                    in_public_domain=True,
                    prejudicial_content=True,
                ),
            ),
        },
        fixed_facts={"topic": "charge-details"},
        account="@MPSEaling",
        tags=("charge", "amber", "red", "trap:prejudicial", "near-miss:public-domain"),
        difficulty=2,
    ),
    TemplateSpec(
        key="named-arrest-or-charge",
        title="Naming someone: charged, or only arrested?",
        text="{defendant} {status} burglary of a home on {street}. {coverage}",
        slots={
            "defendant": ("Tom Reid, 22, of Carshalton,", "Leah Grant, 41, of Wallington,"),
            "status": (
                _v("has been charged with", topic="charge-details"),
                _v(
                    "was arrested yesterday on suspicion of",
                    topic="burglary",
                    names_suspect_before_charge=True,
                ),
            ),
            "street": ("Stanley Park Road", "Carshalton Road"),
            "coverage": (
                "The @SuttonGuardian ran the story this morning.",
                "The @SuttonGuardian has already published the name.",
            ),
        },
        fixed_facts={"in_public_domain": True},
        account="@MPSSutton",
        tags=("charge", "arrest", "amber", "red", "trap:named-before-charge"),
        difficulty=3,
    ),
    TemplateSpec(
        key="sexual-offence-charge-victim",
        title="Sexual offence charge: describing the victim",
        text=(
            "Paul Grant, 45, of Wealdstone, has been charged with {offence} and will appear at "
            "Willesden Magistrates' Court {date}. The victim, {victim}, is being supported by "
            "specialist officers. {publicity}"
        ),
        slots={
            "offence": ("sexual assault", "rape"),
            "date": ("tomorrow", "on Monday"),
            "victim": (
                "a woman in her 30s",
                _v(
                    "a 34-year-old nurse at Northwick Park Hospital",
                    identifies_sexual_offence_victim=True,
                ),
                _v(
                    "who lives in the flat above the Co-op on Station Road",
                    identifies_sexual_offence_victim=True,
                ),
            ),
            "publicity": (
                _v("The charge was reported by the @HarrowTimes today.", in_public_domain=True),
                _v("Details of the charge have not been released yet.", in_public_domain=False),
            ),
        },
        fixed_facts={"topic": "charge-details"},
        account="@MPSHarrow",
        tags=(
            "charge",
            "sexual-offence",
            "amber",
            "red",
            "trap:sexual-offence-victim",
            "near-miss:public-domain",
        ),
        difficulty=3,
    ),
    TemplateSpec(
        key="witness-appeal-woolwich",
        title="Witness appeal: already public, or brand new?",
        text=(
            "{publicity} Did you see {incident} on {street}, #Woolwich, at about {time} on "
            "Saturday? Call 101 quoting CAD 5519/22SEP or @CrimestoppersUK anonymously."
        ),
        slots={
            "publicity": (
                _v("Following our appeal in the @NewsShopper last night:", in_public_domain=True),
                _v("New appeal, not released anywhere else yet:", in_public_domain=False),
            ),
            "incident": (
                "a moped robbery",
                "a man being assaulted outside a takeaway",
                "a car being driven at a pedestrian",
            ),
            "street": ("Powis Street", "Plumstead Road", "Woolwich New Road"),
            "time": ("4pm", "10pm"),
        },
        fixed_facts={"topic": "appeal"},
        account="@MPSGreenwich",
        tags=("appeal", "amber", "red", "near-miss:public-domain"),
        difficulty=2,
    ),
    TemplateSpec(
        key="retweet-other-met-accounts",
        title="Retweeting other Met accounts: only two are on the green list",
        text="RT {account}: {message}",
        slots={
            "account": (
                _v("@metpoliceuk", source="metpoliceuk"),
                _v("@metpolicevents", source="metpolicevents"),
                _v("@MPSRTPC", source="mpsrtpc"),
                _v("@MPSLambeth", source="mpslambeth"),
            ),
            "message": (
                "Heading out tonight? Plan your journey home before you go.",
                "Thank you to everyone who came to our open day at the Peel Centre.",
                "Check your tyres and lights before the clocks go back.",
            ),
        },
        fixed_facts={"topic": "retweet"},
        account="@MPSSouthNorwood",
        tags=("retweet", "green", "amber", "trap:unknown-source"),
        difficulty=2,
    ),
    TemplateSpec(
        key="burglary-celebrity-home",
        title="Burglary: local story or national news?",
        text=(
            "Officers are investigating a burglary at {target} in #Hampstead {when}. {items} "
            "were taken. Anyone with information, call 101 quoting CAD 3381/28OCT."
        ),
        slots={
            "target": (
                "a flat on Fleet Road",
                "a house on Heath Street",
                _v(
                    "the home of a Premier League footballer, already on Sky Sports News,",
                    wider_interest=True,
                ),
            ),
            "when": ("on Sunday night", "overnight"),
            "items": ("Jewellery and a laptop", "Designer watches and cash"),
        },
        fixed_facts={"topic": "burglary"},
        account="@MPSCamden",
        tags=("burglary", "wider-interest", "green", "amber", "trap:wider-interest"),
        difficulty=2,
    ),
    TemplateSpec(
        key="collision-bus-reported",
        title="Collision with a bus, already reported: how badly hurt?",
        text=(
            "{casualty} after a collision with a {vehicle} on {road}, #Hackney, on Friday "
            "morning. The @HackneyGazette reported the crash and the road reopened by lunchtime. "
            "{sign_off}"
        ),
        slots={
            "casualty": (
                _v("A cyclist was treated at the scene for minor cuts", ksi=False),
                _v("A pedestrian was treated for a sprained wrist", ksi=False),
                _v("A cyclist is in hospital with a fractured skull", ksi=True),
                _v("A 67-year-old pedestrian died", ksi=True),
            ),
            "vehicle": ("bus", "van"),
            "road": ("Mare Street", "Kingsland Road"),
            "sign_off": (
                "Witnesses, please call 101 quoting CAD 2204/18JAN.",
                "Thank you to the bus passengers who helped.",
            ),
        },
        fixed_facts={"topic": "road-traffic-collision", "in_public_domain": True},
        account="@MPSHackney",
        tags=("collision", "ksi", "green", "amber", "near-miss:ksi"),
        difficulty=2,
    ),
    TemplateSpec(
        key="magistrates-court-result-bromley",
        title="Magistrates' court result: still news?",
        text=(
            "{defendant} pleaded guilty at Bromley Magistrates' Court to {offence} and was "
            "sentenced {when}. The @NewsShopper covered the case."
        ),
        slots={
            "defendant": ("Kevin Doyle, 52, of Orpington,", "Sarah Hunt, 37, of Beckenham,"),
            "offence": (
                "damaging cars on Bromley High Street",
                "assaulting a shop worker in The Glades",
            ),
            "when": (
                _v("today", days_since_sentencing=0),
                _v("yesterday", days_since_sentencing=1),
                _v("last Thursday, five days ago", days_since_sentencing=5),
                _v("a week ago today", days_since_sentencing=7),
                _v("eight days ago", days_since_sentencing=8),
                _v("twelve days ago", days_since_sentencing=12),
            ),
        },
        fixed_facts={"topic": "court-result", "in_public_domain": True},
        account="@MPSBromley",
        tags=("court", "sentencing", "amber", "red", "near-miss:sentencing"),
        difficulty=2,
    ),
    TemplateSpec(
        key="operation-sceptre-results",
        title="Borough results from a Met-wide operation",
        text=(
            "Operation Sceptre, the Met's week of action against knife crime, was launched by "
            "@metpoliceuk on Monday. In #Hackney so far: {result} {where}. {sign_off}"
        ),
        slots={
            "result": (
                "a knife arch at the station screened 900 people and found three blades",
                "a weapons sweep found two machetes",
                "14 knives were handed in to our surrender bin",
            ),
            "where": ("in Dalston", "around Hackney Central"),
            "sign_off": (
                _v("📷 The haul so far.", image="general"),
                "Every knife off the street is a life potentially saved.",
            ),
        },
        fixed_facts={"topic": "met-wide-operation", "in_public_domain": True},
        account="@MPSHackney",
        tags=("met-wide-operation", "knife-crime", "amber"),
        difficulty=1,
    ),
    # ------------------------------------------------------------------ RED topics
    TemplateSpec(
        key="sco-warrant-walthamstow",
        title="Specialist crime warrant on your patch",
        text=(
            "Detectives from {unit} executed a warrant at an address on {street}, #Walthamstow, "
            "this morning as part of {investigation}. Two men were arrested. {publicity}"
        ),
        slots={
            "unit": ("the Flying Squad", "SC&O's Organised Crime Command"),
            "street": ("Hoe Street", "Lea Bridge Road"),
            "investigation": (
                "an investigation into a firearms supply network",
                "a long-running money-laundering inquiry",
            ),
            "publicity": (
                _v(
                    "The @WalthamForestEcho has already reported the raid.",
                    in_public_domain=True,
                ),
                _v("Residents may have seen officers in the area.", in_public_domain=False),
            ),
        },
        fixed_facts={"topic": "sco-investigation"},
        account="@MPSWalthamForest",
        tags=("sco", "red", "trap:red-topic"),
        difficulty=2,
    ),
    TemplateSpec(
        key="budget-cuts-kingston",
        title="Budget cuts and what they mean locally",
        text="{amount} cut to {what} means {consequence}. {opinion}",
        slots={
            "amount": ("A £2m", "A £750,000"),
            "what": ("our borough budget", "the Met's spending in Kingston"),
            "consequence": (
                "fewer PCSOs on our streets from April",
                "Surbiton front counter will close",
            ),
            "opinion": (
                "We think residents deserve better. #Kingston",
                _v("As reported in the @SurreyComet today.", in_public_domain=True),
            ),
        },
        fixed_facts={"topic": "budget-financial"},
        account="@MPSKingston",
        tags=("budget", "red"),
        difficulty=1,
    ),
    TemplateSpec(
        key="political-comment-twickenham",
        title="Politics: backing a plan, a petition or an MP",
        text="{message} {sign_off}",
        slots={
            "message": (
                "We back the Mayor's plan for 1,300 more officers: tell the London Assembly to "
                "vote for it tomorrow!",
                "Great to see our MP at Twickenham station today, campaigning for re-election.",
                "The Home Secretary's new stop and search rules will make our job harder.",
                "Please sign the petition against the council's new parking scheme.",
            ),
            "sign_off": ("#Twickenham", "Have your say below."),
        },
        fixed_facts={"topic": "political-government"},
        account="@MPSRichmond",
        tags=("politics", "red"),
        difficulty=1,
    ),
    TemplateSpec(
        key="officer-discipline-haringey",
        title="Officer suspended or dismissed",
        text="{publicity} {subject} {detail}",
        slots={
            "publicity": (
                _v("As the @TottenhamIndy reported today:", in_public_domain=True),
                "Update:",
            ),
            "subject": (
                "A PC from our Tottenham team has been suspended",
                "Two officers from Wood Green have been placed on restricted duties",
                "A sergeant at Tottenham police station has been dismissed",
            ),
            "detail": (
                "after a complaint about a stop on West Green Road. We take this very seriously.",
                "following a misconduct hearing last week. Standards matter.",
            ),
        },
        fixed_facts={"topic": "staff-disciplinary"},
        account="@MPSHaringey",
        tags=("discipline", "red"),
        difficulty=1,
    ),
    TemplateSpec(
        key="force-procedure-hillingdon",
        title="Explaining force procedures",
        text="Ever wondered {question} {answer} {sign_off}",
        slots={
            "question": (
                "how we decide which 999 calls get a car first?",
                "why we stop chasing some mopeds?",
                "when our officers decide to draw a Taser?",
            ),
            "answer": (
                "Here's our internal policy, step by step.",
                "We've attached the relevant pages of our standard operating procedure.",
            ),
            "sign_off": ("#Hillingdon", "Ask us anything below!"),
        },
        fixed_facts={"topic": "force-sop"},
        account="@MPSHillingdon",
        tags=("force-sop", "red"),
        difficulty=2,
    ),
    TemplateSpec(
        key="force-reputation-bexley",
        title="Defending (or criticising) the Met in the news",
        text="{trigger} {reply}",
        slots={
            "trigger": (
                "Seen today's front pages about the Met?",
                "Read the latest inspection report on the Met?",
                "Watched last night's Panorama about the Met?",
            ),
            "reply": (
                "We don't recognise that picture in Bexley: our officers are proud of the job "
                "they do.",
                "Honestly, some of it is fair. The Met has lost a lot of trust.",
                "Don't believe everything you read. #Bexleyheath",
            ),
        },
        fixed_facts={"topic": "force-reputation"},
        account="@MPSBexley",
        tags=("force-reputation", "red"),
        difficulty=1,
    ),
    TemplateSpec(
        key="major-incident-westfield",
        title="Major incident at a shopping centre",
        text="{state} {place}: {incident} Avoid the area and please don't share speculation.",
        slots={
            "state": (
                _v("BREAKING: huge police presence at", breaking=True),
                _v("UPDATE on yesterday's incident at", breaking=False),
            ),
            "place": ("Westfield London", "Shepherd's Bush Green", "King Street, Hammersmith"),
            "incident": (
                "reports of several people stabbed.",
                "reports of a vehicle driven into pedestrians.",
                "reports of shots fired.",
            ),
        },
        fixed_facts={"topic": "major-critical-incident"},
        account="@MPSHandF",
        tags=("major-incident", "breaking", "red"),
        difficulty=2,
    ),
    TemplateSpec(
        key="escaped-prisoner-wandsworth",
        title="Escaped prisoner",
        text="{prisoner} has escaped from {place}. {advice}",
        slots={
            "prisoner": ("A prisoner", "A 32-year-old man serving a sentence for robbery"),
            "place": ("HMP Wandsworth", "a prison van outside Wimbledon Magistrates' Court"),
            "advice": (
                "Do not approach him: call 999.",
                "Officers are searching the area around Tooting.",
                _v(
                    "It's already on BBC London News. If you see him, call 999.",
                    in_public_domain=True,
                    wider_interest=True,
                ),
            ),
        },
        fixed_facts={"topic": "escaped-prisoner"},
        account="@MPSWandsworth",
        tags=("escaped-prisoner", "red"),
        difficulty=1,
    ),
    TemplateSpec(
        key="terror-threat-level",
        title="The national terrorism threat level",
        text="{publicity} the UK national threat level is now {level}. {advice}",
        slots={
            "publicity": (
                _v(
                    "As the Home Secretary announced on national news tonight,",
                    in_public_domain=True,
                    wider_interest=True,
                ),
                _v("We've been told that", in_public_domain=False),
            ),
            "level": ("SEVERE", "CRITICAL", "SUBSTANTIAL"),
            "advice": (
                "Stay alert, #Westminster!",
                "No need to panic, but you'll see more armed officers around Parliament Square.",
            ),
        },
        fixed_facts={"topic": "terror-threat-level"},
        account="@MPSWestminster",
        tags=("terror-threat-level", "red", "trap:red-topic"),
        difficulty=2,
    ),
    TemplateSpec(
        key="complaint-reply-redbridge",
        title="Replying to a complaint on Twitter",
        text="@{resident} {reply}",
        slots={
            "resident": ("IlfordMum", "GantsHillDad", "Woodford_Resident"),
            "reply": (
                "Sorry, that PC was out of order. We'll deal with him.",
                "We've looked into your complaint and the officers acted correctly.",
                "It took three hours because we only had two cars covering Ilford that night.",
            ),
        },
        fixed_facts={"topic": "complaint-response"},
        account="@MPSRedbridge",
        tags=("complaint", "red", "trap:red-topic"),
        difficulty=2,
    ),
)


def starter_library() -> tuple[TemplateSpec, ...]:
    """The starter templates (see the module docstring)."""
    return STARTER_TEMPLATES
