"""The force's guidance note on local communication with the media, as page content.

`manage.py load_guidance` turns this into Wagtail pages. Anchors are stable: the rulebook,
the RAG engine's reasons and quiz feedback link to them.
"""


def text(html: str) -> dict:
    return {"type": "text", "value": html}


def callout(kind: str, heading: str, html: str) -> dict:
    return {"type": "callout", "value": {"kind": kind, "heading": heading, "text": html}}


def team(name: str, anchor: str, summary: str, duties: list[str], contact: str = "") -> dict:
    return {
        "type": "team",
        "value": {
            "name": name,
            "anchor": anchor,
            "summary": summary,
            "duties": duties,
            "contact": contact,
        },
    }


def section(heading: str, anchor: str, *content: dict) -> dict:
    return {
        "type": "section",
        "value": {"heading": heading, "anchor": anchor, "content": list(content)},
    }


HOME = {
    "title": "Media awareness for borough social media",
    "intro": (
        "<p>Borough teams talk to residents and local journalists through their own social "
        "media accounts. This is the guidance on what you may post, and a place to practise "
        "until the RAG table is second nature.</p>"
    ),
}

INDEX = {
    "title": "Guidance",
    "slug": "guidance",
    "intro": (
        "<p>The Directorate of Media and Communication (DMC) guidance for borough and ward "
        "accounts. Read it in order the first time; come back to the RAG table whenever you "
        "are unsure.</p>"
    ),
}

PAGES = [
    {
        "title": "Local communication with the media",
        "slug": "local-communication",
        "summary": "Why boroughs post for themselves, what to post, and when to bring in DMC.",
        "body": [
            section(
                "Boroughs post for themselves",
                "overview",
                text(
                    "<p>From 1 February 2016, after a restructure of the Directorate of Media "
                    "and Communication, the local cluster press offices that spoke to local "
                    "media for boroughs closed. Since then boroughs run their own local "
                    "communication through the borough social media accounts, mostly "
                    "Twitter.</p>"
                    "<p>Social media is a fantastic way to talk directly with the public, "
                    "especially locally. Updates on what local policing teams are doing, and "
                    "positive conversations with residents, businesses and other stakeholders "
                    "about local issues, are a key confidence driver for the Met.</p>"
                    "<p>Real-time updates on incidents give Londoners accurate, unfiltered "
                    "information straight from us. Appeals on social media have achieved "
                    "results that traditional channels simply could not.</p>"
                ),
            ),
            section(
                "What boroughs can post",
                "what-to-post",
                text(
                    "<p>Boroughs can tell residents and local journalists about local "
                    "incidents, including:</p>"
                    "<ul><li>missing people</li><li>road traffic collisions</li>"
                    "<li>appeals</li><li>wanted people</li><li>local operations</li>"
                    "<li>arrests</li><li>court cases</li>"
                    "<li>convictions and sentencing</li><li>crime prevention advice</li></ul>"
                    "<p>These are the mainstay of local newspapers, so they should be the "
                    "focus of local accounts. Where possible and relevant, add a photo. "
                    'Check each post against <a href="/guidance/rag/#rag-table">the RAG '
                    "table</a> first: some of these topics need DMC's agreement.</p>"
                ),
            ),
            section(
                "Working with local journalists",
                "journalists",
                text(
                    "<p>Local journalists are encouraged to send a Direct Message (DM) to "
                    "borough accounts when they need more information about a post. Regular "
                    "briefings and face-to-face contact between officers and local media are "
                    "recommended too.</p>"
                ),
            ),
            section(
                "Stories of wider interest go to DMC early",
                "wider-interest",
                callout(
                    "important",
                    "Bring it to DMC as early as possible",
                    "<p>Anything that could interest more than the local media should be "
                    "brought to DMC's attention: an operation, a unique case, or a court case "
                    "that has already attracted media attention or where suspects face "
                    "substantial custodial sentences. Early notice gives DMC time to prepare "
                    "a supporting media package.</p>"
                    "<p>Stories likely to interest the Evening Standard, BBC London, national "
                    "newspapers or LBC go to the "
                    '<a href="/guidance/roles/#press-bureau">DMC 24-hour Press Bureau</a>.'
                    "</p>",
                ),
            ),
            section(
                "Court cases: the one-week rule",
                "court-cases",
                callout(
                    "warning",
                    "No court results more than a week after sentencing",
                    "<p>DMC will not release details of a court case if more than a week has "
                    "passed since sentencing: by then the story is no longer contemporaneous "
                    "or newsworthy. Seven days after sentencing is still within the week; "
                    "eight days is not.</p>",
                ),
                text(
                    "<p>Court results are an amber topic: ask DMC before posting, and only "
                    "once the result is already in the public domain.</p>"
                ),
            ),
        ],
    },
    {
        "title": "Roles and responsibilities",
        "slug": "roles",
        "summary": "Who does what: borough SPOCs and the DMC teams, and when to call them.",
        "body": [
            section(
                "Who does what",
                "teams",
                team(
                    "Borough social media SPOC (super-user)",
                    "borough-spoc",
                    "Each borough's single point of contact for social media.",
                    [
                        "Maintain the borough Twitter and Facebook accounts, providing live "
                        "updates, news and appeals",
                        "Monitor the borough social media feeds, making sure all sensible "
                        "enquiries and questions get an appropriate response",
                        "Respond to Direct Messages from the media about local news, appeals "
                        "or incidents",
                        "Provide advice, guidance and best practice to officers using ward "
                        "level social media accounts",
                        "Provide training to people who want to use local social media accounts",
                    ],
                    "Your borough's SPOC",
                ),
                team(
                    "DMC Borough Support team",
                    "dmc-borough-support",
                    "DMC's link with the boroughs it supports.",
                    [
                        "Liaise with borough Senior Leadership Teams about local media "
                        "engagement and social media use",
                        "Advise and assist social media SPOCs on media engagement issues",
                        "Provide advice, guidance and best practice to officers on media and "
                        "social media engagement",
                        "Distribute key messages",
                        "Help deliver larger local media activity likely to result in "
                        "pan-London coverage",
                        "Provide media awareness training to officers, individually or on "
                        "staff training days",
                        "Provide social media training to groups who want to use local "
                        "accounts, or to individuals if the local SPOC is unavailable",
                    ],
                    "DMC Borough Support",
                ),
                team(
                    "DMC Social Media Team",
                    "dmc-social-media-team",
                    "Social media expertise for specialist units and the whole Met.",
                    [
                        "Provide social media training to specialist units that want to use "
                        "social media for pan-London messaging",
                        "Distribute key messages about upcoming campaigns",
                        "Provide advice, guidance and best practice on using social media "
                        "effectively",
                        "Help officers who have technical problems with social media",
                        "Update SPOCs on new developments for existing platforms",
                    ],
                    "DMC Social Media Team",
                ),
                team(
                    "DMC 24-hour Press Bureau",
                    "press-bureau",
                    "On hand day and night.",
                    [
                        "Advice, guidance and support on incidents breaking at any time of "
                        "day or night",
                        "Major or critical incidents",
                        "Stories or issues likely to interest media beyond local papers, for "
                        "example the Evening Standard, BBC London, national newspapers or LBC",
                    ],
                    "Call 763300 or email the Press Bureau",
                ),
            ),
        ],
    },
    {
        "title": "The RAG traffic light system",
        "slug": "rag",
        "summary": "What boroughs may post, what needs DMC first, and what they must not post.",
        "body": [
            section(
                "How the traffic lights work",
                "about",
                text(
                    "<p>The RAG (Red, Amber, Green) system shows which subjects borough "
                    "accounts can post about themselves, which need DMC's approval first, and "
                    "which they should not post at all.</p>"
                    "<ul><li><strong>Green: go for it.</strong> Post it yourself.</li>"
                    "<li><strong>Amber: ask DMC before posting</strong>, and only if it is "
                    "already in the public domain.</li>"
                    "<li><strong>Red: do not post, contact DMC.</strong></li></ul>"
                    "<p>When a post touches more than one row, the strictest one wins. "
                    "Anything the table does not cover is not green: ask DMC.</p>"
                ),
            ),
            section(
                "The RAG table",
                "rag-table",
                {
                    "type": "rag_table",
                    "value": {
                        "caption": "The RAG (Red, Amber, Green) system for digital communications",
                        "green_note": "<p>Post these yourself. Retweets of @metpoliceuk or "
                        "@metpolicevents, or of local council and community groups, and links "
                        "to the MPS website or partners, are green too.</p>",
                        "amber_note": "<p>Only if already in the public domain.</p>",
                        "red_note": "<p>Any of the amber topics if not in the public domain.</p>",
                    },
                },
            ),
            section(
                "Near misses",
                "near-misses",
                text(
                    "<p>Most mistakes happen at the edges of the table:</p>"
                    "<ul><li>A road traffic collision is green, unless someone was killed or "
                    "seriously injured (KSI): then it is amber.</li>"
                    "<li>An amber topic that is not yet in the public domain is red.</li>"
                    "<li>A court result seven days after sentencing can still go to DMC; "
                    "eight days is too late.</li>"
                    "<li>A retweet is green only from the accounts listed above; anything "
                    "else, ask DMC.</li>"
                    "<li>Anything likely to interest media beyond your borough goes to DMC, "
                    "whatever its colour.</li></ul>"
                ),
            ),
        ],
    },
    {
        "title": "Release of photographs and images",
        "slug": "images",
        "summary": "Photos make posts better; images of suspects need authority first.",
        "body": [
            section(
                "Photos make posts better",
                "general-photos",
                text(
                    "<p>Where possible and relevant, add a photo: officers at a community "
                    "meeting, a crime prevention stall, recovered property. General photos "
                    "like these are encouraged.</p>"
                ),
            ),
            section(
                "Images of suspects and defendants",
                "suspect-images",
                text(
                    "<p>The Metropolitan Police Service supports the National Police Chiefs' "
                    "Council (NPCC) guidance on releasing images of suspects and defendants. "
                    "Images are released for legitimate purposes, and each release must be "
                    "necessary and proportionate.</p>"
                ),
                callout(
                    "warning",
                    "Authorised first, every time",
                    "<p>Do not post a picture of a suspect or defendant unless its release "
                    "has been authorised, with a recorded decision that it is necessary and "
                    "proportionate. Take a wanted person's picture down as soon as they are "
                    "arrested.</p>",
                ),
            ),
            section(
                "Why images are released",
                "why-release",
                text(
                    "<p>Releasing images can build public confidence in the MPS, helps to "
                    "detect and deter crime, and supports the transparency agenda. Further "
                    "detail is in the document 'Guidance and Authority Levels for the "
                    "Release of Photographs and Images'.</p>"
                ),
            ),
        ],
    },
    {
        "title": "Media law",
        "slug": "media-law",
        "summary": "Everything you publish must be legally watertight. The points that catch "
        "borough accounts out.",
        "body": [
            section(
                "Legally watertight",
                "legally-watertight",
                text(
                    "<p>Any communication that is going to be published, from press releases "
                    "to intranet stories and every post on a borough account, must be "
                    "legally watertight. A retweet is a publication too.</p>"
                    "<p>DMC holds regular media law workshops and advertises them well in "
                    "advance. DMC has also put together a factsheet of frequently asked "
                    "legal questions: see the 'Legal: media law resource guide'.</p>"
                ),
            ),
            section(
                "Active cases and contempt of court",
                "contempt",
                text(
                    "<p>Once someone is arrested, a warrant or summons is issued, or someone "
                    "is charged, proceedings are active until sentence, acquittal or the case "
                    "is dropped. While they are active, publishing anything that creates a "
                    "substantial risk of serious prejudice is contempt of court, whatever "
                    "you intended (Contempt of Court Act 1981).</p>"
                    "<p>So do not mention previous convictions, evidence, or words that "
                    'imply guilt ("known burglar", "thug") about anyone in an active '
                    "case.</p>"
                ),
            ),
            section(
                "Naming suspects",
                "naming-suspects",
                text(
                    "<p>Do not name someone who has been arrested but not charged. You may "
                    "give their gender, age, the town or area, the offence and the date. "
                    "Naming before charge happens only in exceptional circumstances, decided "
                    "and recorded by the senior investigating officer.</p>"
                ),
            ),
            section(
                "Victims of sexual offences",
                "sexual-offences",
                text(
                    "<p>Victims of sexual offences have lifelong anonymity (Sexual Offences "
                    "(Amendment) Act 1992). Never publish anything likely to identify them: "
                    "not only a name, but an address, a school, a workplace, a picture, or a "
                    'combination of clues such as "the woman who lives above the shop on '
                    'Park Road".</p>'
                ),
            ),
            section(
                "Children in criminal proceedings",
                "children",
                text(
                    "<p>Do not identify anyone under 18 who is involved in criminal "
                    "proceedings, as a defendant, victim or witness. Youth court cases carry "
                    "automatic reporting restrictions (Children and Young Persons Act 1933, "
                    "s.49), and adult courts can order anonymity for under-18s (Youth Justice "
                    "and Criminal Evidence Act 1999, ss.45 and 45A).</p>"
                ),
            ),
            section(
                "Getting advice",
                "press-bureau-advice",
                callout(
                    "info",
                    "The Press Bureau is always on hand",
                    "<p>Staff in the 24-hour Press Bureau are always on hand to discuss legal "
                    "questions and offer advice. Call 763300 or email the Press Bureau.</p>",
                ),
            ),
        ],
    },
]
