"""Demo data at scale: councils, reviews, recommendations, responses, rounds and updates, with history.

Everything is drawn from a ``random.Random`` seeded by the caller (never the
global one), one per council, so the same seed and the same "as of" date give
the same data however many councils are built at a time. Rows are written with
simple-history's bulk helpers; each history row is dated when the thing it
records would have happened (a response on its response date, an update on its
update date), so papers "as at" a past date and "what changed since the last
round" work on demo data as they do on real data.
"""

import datetime
import random
import re
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import reset_queries, transaction
from django.db.models import Q
from django.db.models.sql import DeleteQuery
from django.utils import timezone
from django.utils.text import slugify
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from councils.models import Committee, Council, Membership
from recommendations import services
from recommendations.models import (
    CabinetResponse,
    EvidenceLink,
    LatestProgress,
    ProgressUpdate,
    Recommendation,
    Theme,
)
from reviews.models import Review, SourceDocument, UpdateRound

# Every generated council's slug starts with this and its name with "Demo ";
# officers' usernames start with it too. That is how demo data is found again.
PREFIX = "demo-"
NAME_PREFIX = "Demo "
LONDON = ZoneInfo("Europe/London")
# Rows per INSERT; a chunk of councils is written at a time so memory stays flat.
BATCH_SIZE = 2000
RECOMMENDATIONS_PER_CHUNK = 5000
ROUND_DAYS = 182
PLACEHOLDER = re.compile(r"\{(\w+)\}")

Decision = CabinetResponse.Decision
Status = ProgressUpdate.Status
FINISHED = Status.finished()


REASON_START = "Generated demo data"


def reason_for(seed):
    return f"{REASON_START} (seed {seed})"


# ---------------------------------------------------------------------------
# Word lists
# ---------------------------------------------------------------------------

PLACE_STARTS = [
    "Ash",
    "Barn",
    "Bram",
    "Brook",
    "Chal",
    "Cran",
    "Dun",
    "Elm",
    "Ever",
    "Fair",
    "Fox",
    "Gran",
    "Hart",
    "Hol",
    "Kings",
    "Lang",
    "Lyn",
    "Mar",
    "Mill",
    "Nor",
    "Oak",
    "Pen",
    "Ravens",
    "Stan",
    "Thorn",
    "Up",
    "Wal",
    "West",
    "Whit",
    "Wood",
]
PLACE_ENDS = [
    "bridge",
    "ford",
    "ham",
    "ley",
    "wick",
    "bury",
    "field",
    "ton",
    "by",
    "worth",
    "mouth",
    "stead",
    "combe",
    "dale",
    "hurst",
    "minster",
    "well",
    "port",
    "cester",
    "hope",
]
COUNCIL_KINDS = ["City Council", "Borough Council", "District Council", "County Council", "Council"]

FIRST_NAMES = [
    "Aisha",
    "Alan",
    "Amara",
    "Ben",
    "Carol",
    "Chloe",
    "Daniel",
    "Deepa",
    "Eleanor",
    "Fatima",
    "Gareth",
    "Grace",
    "Hannah",
    "Imran",
    "James",
    "Jane",
    "Kwame",
    "Laura",
    "Liam",
    "Mandeep",
    "Maria",
    "Mark",
    "Niamh",
    "Oliver",
    "Priya",
    "Rachel",
    "Rhys",
    "Ruth",
    "Sam",
    "Sarah",
    "Simon",
    "Sophie",
    "Tariq",
    "Tom",
    "Una",
    "Victoria",
    "Wei",
    "Yusuf",
    "Zoe",
    "Helen",
]
LAST_NAMES = [
    "Adams",
    "Ahmed",
    "Bailey",
    "Begum",
    "Brown",
    "Campbell",
    "Chen",
    "Clarke",
    "Davies",
    "Evans",
    "Farah",
    "Green",
    "Hall",
    "Hughes",
    "Jones",
    "Kaur",
    "Khan",
    "Lewis",
    "Martin",
    "Mensah",
    "Morgan",
    "Murphy",
    "Nowak",
    "Okafor",
    "Patel",
    "Price",
    "Roberts",
    "Shah",
    "Singh",
    "Smith",
    "Taylor",
    "Thomas",
    "Turner",
    "Walker",
    "Ward",
    "Watson",
    "White",
    "Williams",
    "Wilson",
    "Wright",
]

MAIN_COMMITTEES = [
    "Scrutiny Committee",
    "Overview and Scrutiny Committee",
    "Overview and Scrutiny Management Board",
]
OTHER_COMMITTEES = [
    "Housing and Community Safety Scrutiny Sub-Committee",
    "Children and Young People Scrutiny Panel",
    "Health and Wellbeing Scrutiny Committee",
    "Adult Social Care Scrutiny Panel",
    "Communities Scrutiny Commission",
    "Finance and Performance Panel",
]
PORTFOLIOS = [
    "a Safer, Healthy {place}",
    "Housing",
    "Children and Families",
    "Community Safety",
    "Adult Social Care",
    "Finance and Resources",
    "Public Health",
    "Communities and Equalities",
]

DECISION_WORDINGS = [
    {Decision.AGREE: "Agree", Decision.IN_PART: "In part", Decision.DISAGREE: "Disagree"},
    {Decision.AGREE: "Accepted", Decision.IN_PART: "Partially accepted", Decision.DISAGREE: "Rejected"},
    {Decision.AGREE: "Agreed", Decision.IN_PART: "Agreed in part", Decision.DISAGREE: "Not agreed"},
]
STATUS_WORDINGS = [
    {
        Status.NOT_STARTED: "Not started",
        Status.IN_PROGRESS: "In progress",
        Status.COMPLETED: "Completed",
        Status.NOT_TAKEN_FORWARD: "Not taken forward",
    },
    {
        Status.NOT_STARTED: "Not yet started",
        Status.IN_PROGRESS: "Ongoing",
        Status.COMPLETED: "Complete",
        Status.NOT_TAKEN_FORWARD: "Will not be implemented",
    },
    {
        Status.NOT_STARTED: "Red: not started",
        Status.IN_PROGRESS: "Amber: in progress",
        Status.COMPLETED: "Green: complete",
        Status.NOT_TAKEN_FORWARD: "Closed: not pursued",
    },
]

# Each theme: (short title, what the council is asked to do, a thing the work produces).
THEMES = {
    "Housing": [
        (
            "Rehousing survivors",
            "reviews its allocations policy so that people fleeing abuse are rehoused quickly",
            "allocations policy",
        ),
        (
            "Sanctuary Scheme",
            "extends the Sanctuary Scheme to private tenants and owner-occupiers",
            "Sanctuary Scheme",
        ),
        (
            "Tenancy protocol",
            "agrees a common tenancy management protocol with {partner}",
            "tenancy protocol",
        ),
        (
            "Temporary accommodation",
            "sets a standard for the quality of temporary accommodation and inspects against it",
            "accommodation standard",
        ),
        (
            "Housing accreditation",
            "seeks accreditation from the Domestic Abuse Housing Alliance",
            "accreditation plan",
        ),
        (
            "Homelessness prevention",
            "expands its homelessness prevention service to reach people earlier",
            "prevention service",
        ),
        (
            "Empty homes",
            "brings long-term empty homes back into use as move-on accommodation",
            "empty homes programme",
        ),
        ("Repairs", "sets target times for urgent repairs in council homes", "repairs charter"),
    ],
    "Training": [
        ("Training", "makes awareness training mandatory for all front-line staff", "training programme"),
        (
            "Manager training",
            "trains managers to recognise and respond to staff affected by abuse",
            "manager guidance",
        ),
        (
            "Elected members",
            "offers training to all elected members within a year of their election",
            "member training module",
        ),
        (
            "Contractors",
            "requires its contractors to train their staff to the same standard as its own",
            "contract clause",
        ),
        ("Champions", "establishes a network of trained champions in every directorate", "champions network"),
        ("Refresher training", "introduces refresher training every two years", "refresher course"),
        (
            "Induction",
            "includes the subject in the induction of every new member of staff",
            "induction module",
        ),
        ("Training evaluation", "evaluates the effect of its training on practice", "evaluation report"),
    ],
    "Perpetrators": [
        (
            "Perpetrator programme",
            "provides appropriate support for a perpetrator programme with {partner}",
            "perpetrator programme",
        ),
        (
            "Early intervention",
            "funds early intervention for people at risk of harming others",
            "early intervention service",
        ),
        (
            "Perpetrator data",
            "requests monitoring data on perpetrator programmes from {partner}",
            "monitoring report",
        ),
        (
            "Housing perpetrators",
            "uses its powers as a landlord to act against perpetrators rather than moving victims",
            "landlord policy",
        ),
        (
            "Behaviour change",
            "commissions a behaviour change service for young people who use violence",
            "behaviour change service",
        ),
        (
            "Repeat offenders",
            "works with {partner} to identify and manage repeat perpetrators",
            "multi-agency panel",
        ),
        (
            "Programme evaluation",
            "evaluates the perpetrator programme before it is recommissioned",
            "evaluation",
        ),
        (
            "Court support",
            "supports {partner} to make the most of protection orders",
            "court support pathway",
        ),
    ],
    "Funding": [
        (
            "Sustainable funding",
            "secures sustainable funding for specialist services beyond the current grant",
            "funding plan",
        ),
        ("Grant bids", "bids jointly with {partner} for government funding", "funding bid"),
        (
            "Commissioning",
            "moves to three-year contracts for the services it commissions",
            "commissioning plan",
        ),
        ("Budget transparency", "publishes what it spends on the service each year", "spending report"),
        (
            "Match funding",
            "sets aside match funding so that it can respond quickly to new grants",
            "match funding reserve",
        ),
        ("Voluntary sector", "protects grants to the voluntary sector from in-year cuts", "grants policy"),
        (
            "Social value",
            "uses the social value of its contracts to fund local support",
            "social value framework",
        ),
        ("Cost review", "reviews the full cost of the service before the next budget round", "cost review"),
    ],
    "Refuges": [
        (
            "Refuge places",
            "increases the number of refuge places to the level recommended nationally",
            "refuge expansion plan",
        ),
        (
            "Accessible refuges",
            "ensures at least one refuge is accessible to disabled people",
            "accessibility audit",
        ),
        (
            "Specialist refuges",
            "commissions refuge places for women from Black and minoritised communities",
            "specialist refuge service",
        ),
        (
            "Move-on",
            "agrees a move-on pathway so that refuge places are freed for new arrivals",
            "move-on pathway",
        ),
        ("Refuge for men", "reviews the provision of safe accommodation for men", "needs assessment"),
        (
            "Children in refuges",
            "funds play and support workers for children living in refuges",
            "children's support offer",
        ),
        ("Pets", "works with {partner} so that people can flee with their pets", "pet fostering scheme"),
        (
            "Dispersed units",
            "provides dispersed safe accommodation alongside refuges",
            "dispersed accommodation scheme",
        ),
    ],
    "Data": [
        (
            "Accurate statistics",
            "collects and publishes accurate statistics on the demand for its services",
            "performance dashboard",
        ),
        ("Shared data", "agrees a data-sharing protocol with {partner}", "data-sharing agreement"),
        ("Needs assessment", "carries out a needs assessment every three years", "needs assessment"),
        ("Outcome measures", "sets outcome measures for every commissioned service", "outcomes framework"),
        (
            "Equality data",
            "records the protected characteristics of people who use its services",
            "equality monitoring form",
        ),
        (
            "Case recording",
            "adopts a single case recording system across its services",
            "case management system",
        ),
        ("Reporting", "reports performance to this committee every six months", "six-monthly report"),
        ("Feedback", "asks people who use its services what difference they made", "feedback survey"),
    ],
    "Partnerships": [
        (
            "Partnership board",
            "establishes a partnership board with {partner} to oversee the strategy",
            "partnership board",
        ),
        ("Joint strategy", "agrees a joint strategy with {partner}", "joint strategy"),
        (
            "Multi-agency working",
            "reviews how the multi-agency risk assessment conference works",
            "MARAC review",
        ),
        (
            "Voluntary partners",
            "involves the voluntary and community sector in designing services",
            "co-production plan",
        ),
        (
            "Neighbouring councils",
            "works with neighbouring councils to commission services together",
            "joint commissioning agreement",
        ),
        (
            "Lived experience",
            "sets up a panel of people with lived experience to advise the Council",
            "lived experience panel",
        ),
        ("Business partners", "encourages local employers to adopt workplace policies", "employer pledge"),
        (
            "Faith groups",
            "works with faith groups to reach people who do not use council services",
            "outreach plan",
        ),
    ],
    "Children and young people": [
        ("Schools", "works with schools to deliver healthy relationships education", "schools programme"),
        (
            "Young people's service",
            "commissions a specialist service for young people affected by abuse",
            "young people's service",
        ),
        ("Early help", "makes sure early help services screen for abuse at home", "screening tool"),
        ("Children's voice", "asks children and young people what support they need", "youth consultation"),
        ("Care leavers", "gives care leavers priority for support and housing", "care leavers offer"),
        ("Youth workers", "trains youth workers to recognise exploitation", "youth work guidance"),
        (
            "Holiday provision",
            "extends holiday activities to children living in temporary accommodation",
            "holiday programme",
        ),
        ("Transitions", "improves support for young people moving to adult services", "transitions protocol"),
    ],
    "Health": [
        (
            "GP referrals",
            "works with {partner} so that GP practices can refer people directly",
            "referral pathway",
        ),
        ("Mental health", "improves access to mental health support for survivors", "mental health pathway"),
        (
            "Hospital advocates",
            "funds independent advocates in the local hospital",
            "hospital advocacy service",
        ),
        (
            "Substance misuse",
            "links substance misuse services with specialist support",
            "joint working protocol",
        ),
        (
            "Public health",
            "treats the subject as a public health priority in the health and wellbeing strategy",
            "health and wellbeing strategy",
        ),
        ("Maternity", "asks maternity services to screen every pregnant woman", "screening programme"),
        (
            "Dental and pharmacy",
            "extends awareness campaigns to pharmacies and dental practices",
            "pharmacy campaign",
        ),
        ("Health checks", "adds routine enquiry to NHS health checks", "health check guidance"),
    ],
    "Policing": [
        (
            "Police response",
            "asks {partner} to report on response times to domestic incidents",
            "response time report",
        ),
        ("Joint patrols", "agrees joint patrols with the police in hotspot areas", "patrol plan"),
        ("CCTV", "reviews CCTV coverage in areas where people report feeling unsafe", "CCTV review"),
        (
            "Night-time economy",
            "works with licensed premises to keep people safe at night",
            "safe night-time charter",
        ),
        (
            "Reporting crime",
            "makes it easier to report crime through third-party reporting centres",
            "reporting centres",
        ),
        (
            "Community safety plan",
            "includes clear targets in the community safety plan",
            "community safety plan",
        ),
        ("Stalking", "asks {partner} to name a stalking lead in every area", "stalking protocol"),
        (
            "Victim support",
            "makes sure victims are referred to support after every police call-out",
            "referral protocol",
        ),
    ],
    "Communications": [
        ("Awareness campaign", "runs a public awareness campaign every year", "awareness campaign"),
        ("Website", "rewrites its web pages so that people can find help quickly", "web pages"),
        ("Languages", "publishes information in the main community languages", "translated leaflets"),
        (
            "Definition",
            "adopts the statutory definition and uses it consistently in its literature",
            "terminology guide",
        ),
        (
            "Staff communications",
            "tells staff how to get help through its intranet and payslips",
            "staff campaign",
        ),
        ("Social media", "uses social media to reach young people", "social media plan"),
        (
            "Residents' newsletter",
            "includes a regular feature in the residents' newsletter",
            "newsletter feature",
        ),
        ("Safe spaces", "promotes safe spaces in council buildings and libraries", "safe spaces scheme"),
    ],
    "Equalities": [
        (
            "Equality impact",
            "assesses the equality impact of every change to the service",
            "equality impact assessment",
        ),
        ("Disabled survivors", "improves access to support for disabled people", "accessibility plan"),
        ("LGBT+ survivors", "commissions support for LGBT+ people", "LGBT+ service"),
        ("Older people", "makes sure older people are not overlooked by services", "older people's pathway"),
        ("No recourse", "supports people with no recourse to public funds", "no recourse policy"),
        ("Interpreters", "provides interpreters who are independent of the family", "interpreting contract"),
        (
            "Minoritised communities",
            "works with specialist organisations led by and for minoritised communities",
            "by-and-for partnership",
        ),
        ("Men and boys", "makes sure men and boys know where to get help", "outreach campaign"),
    ],
}
THEME_NAMES = list(THEMES)

# Review topics with the themes their recommendations mostly come from.
TOPICS = [
    ("Domestic Abuse Services", ["Refuges", "Perpetrators", "Housing"]),
    ("Homelessness Prevention", ["Housing", "Funding", "Partnerships"]),
    ("Temporary Accommodation", ["Housing", "Children and young people", "Health"]),
    ("Youth Services", ["Children and young people", "Partnerships", "Funding"]),
    ("Adult Social Care Waiting Times", ["Health", "Data", "Funding"]),
    ("Mental Health Support for Young People", ["Children and young people", "Health", "Partnerships"]),
    ("the Community Safety Partnership", ["Policing", "Partnerships", "Data"]),
    ("Violence Against Women and Girls", ["Perpetrators", "Policing", "Equalities"]),
    ("Hate Crime", ["Policing", "Equalities", "Communications"]),
    ("Digital Inclusion", ["Equalities", "Communications", "Training"]),
    ("Cost of Living Support", ["Funding", "Communications", "Equalities"]),
    ("Private Rented Sector Conditions", ["Housing", "Data", "Health"]),
    ("Child Exploitation", ["Children and young people", "Policing", "Training"]),
    ("Substance Misuse Services", ["Health", "Partnerships", "Funding"]),
    ("Resident Engagement", ["Communications", "Equalities", "Data"]),
    ("Anti-social Behaviour", ["Policing", "Housing", "Communications"]),
    ("Workforce Wellbeing", ["Training", "Health", "Data"]),
    ("Home to School Transport", ["Children and young people", "Funding", "Data"]),
    ("Air Quality", ["Health", "Data", "Communications"]),
    ("Fuel Poverty", ["Housing", "Funding", "Health"]),
    ("Rough Sleeping", ["Housing", "Health", "Partnerships"]),
    ("Modern Slavery", ["Policing", "Training", "Partnerships"]),
    ("Early Help", ["Children and young people", "Partnerships", "Training"]),
    ("Loneliness in Older People", ["Health", "Communications", "Partnerships"]),
    ("Council Tax Support", ["Funding", "Equalities", "Communications"]),
    ("Refugee Resettlement", ["Housing", "Equalities", "Partnerships"]),
    ("Knife Crime", ["Policing", "Children and young people", "Perpetrators"]),
    ("Support for Unpaid Carers", ["Health", "Funding", "Communications"]),
    ("Learning from Domestic Homicide Reviews", ["Perpetrators", "Training", "Data"]),
    ("Sexual Violence Services", ["Refuges", "Health", "Equalities"]),
    ("Stalking and Harassment", ["Perpetrators", "Policing", "Data"]),
    ("Holiday Activities and Food", ["Children and young people", "Funding", "Partnerships"]),
]
TITLE_FORMS = [
    "Review of {topic}",
    "Scrutiny Review of {topic}",
    "{Topic} Review Group",
    "{Topic} Scrutiny Review",
]

PARTNERS = [
    "the police",
    "the integrated care board",
    "local housing associations",
    "the voluntary and community sector",
    "schools and colleges",
    "the Police and Crime Commissioner",
    "specialist support services",
    "the county council",
    "GP practices",
    "the probation service",
    "faith groups",
    "local employers",
]
FUNDERS = [
    "the Home Office",
    "the Ministry of Housing, Communities and Local Government",
    "the Police and Crime Commissioner",
    "the integrated care board",
    "the National Lottery Community Fund",
]
TAILS = [
    ".",
    ".",
    " by {month_year}.",
    ", and reports progress to this committee within six months.",
    ", and publishes the results.",
    " as a priority.",
    " within existing resources.",
]
SUBJECTS = ["the Council", "the Council", "the Council", "the Cabinet", "the Council, with its partners,"]

AGREE_COMMENTS = [
    "Agreed. {detail}",
    "The Council accepts this recommendation. {detail}",
    "Agree. Officers will prepare a {thing} and report back through the six-monthly update.",
    "{detail} A lead officer has been named and a timetable will be agreed by {month_year}.",
]
IN_PART_COMMENTS = [
    "Agreed in part. {reason}",
    "The Council supports the aim of this recommendation. {reason}",
    "In part. {detail} However, {reason_lower}",
]
DISAGREE_COMMENTS = [
    "Not agreed. {reason}",
    "The Council does not accept this recommendation. {reason}",
    "Disagree. {reason} The Cabinet Member will write to the committee to explain.",
]
DETAILS = [
    "Work has already begun with {partner}.",
    "This will be taken forward as part of the {thing}.",
    "Funding of £{thousands},000 has been identified for {year}/{next_year}.",
    "This builds on work already under way with {partner}.",
    "Officers will bring a {thing} to Cabinet in {month_year}.",
]
REASONS = [
    "The Council does not have the resources to do all of this in {year}/{next_year}.",
    "This is a matter for {partner}, but the Council will raise it with them.",
    "The Council will consider this when the {thing} is next reviewed.",
    "Existing arrangements already meet much of this need.",
    "Legal advice is that the Council cannot require this of {partner}.",
]
NOT_STARTED = [
    "Work has not yet started. {blocker}",
    "This is planned to begin in {month_year}. {blocker}",
    "No progress to report since the last update. {blocker}",
]
BLOCKERS = [
    "Recruitment to the lead post is under way.",
    "It depends on the outcome of the review of the {thing}.",
    "Funding is being sought from {funder}.",
    "The lead officer has left the Council and the work has been reassigned.",
    "Officers are waiting for national guidance, expected in {month_year}.",
]
PROGRESS = [
    "A working group with {partner} has met {count} times and has agreed its terms of reference.",
    "{count} members of staff have completed the training so far.",
    "A draft {thing} has been prepared and is out for consultation until {date}.",
    "Data are now collected monthly and shared with {partner}.",
    "A pilot ran in {count} wards between {month} and {month_later} and is being evaluated.",
    "Funding of £{thousands},000 was secured from {funder} in {month_year}.",
    "Officers met {partner} on {date} to agree the scope of the {thing}.",
]
NEXT_STEPS = [
    "The next step is to agree the {thing} with {partner} by {month_year}.",
    "A report will go to Cabinet in {month_year}.",
    "Officers expect to complete this by {month_year}.",
    "The evaluation will be reported to this committee at its next update.",
]
COMPLETED = [
    "Completed. The {thing} was adopted by Cabinet on {date}.",
    "The {thing} went live on {date} and {count} residents have used it so far. This recommendation is complete.",
    "Completed in {month_done}: the {thing} is now part of the Council's normal business.",
]
NOT_TAKEN_FORWARD = [
    "This recommendation will not be taken forward. {reason}",
    "After further work with {partner}, the Council has decided not to proceed. {reason}",
]
CARRIED_FORWARD = {
    Status.COMPLETED: "No further update: reported as completed in {month_year}.",
    Status.NOT_TAKEN_FORWARD: "No further update: reported as not taken forward in {month_year}.",
}

# How a recommendation's status moves from one round to the next, by the
# Cabinet's decision: {from status: [(to status, weight), ...]}.
AGREED_MOVES = {
    None: [(Status.NOT_STARTED, 35), (Status.IN_PROGRESS, 60), (Status.COMPLETED, 5)],
    Status.NOT_STARTED: [(Status.NOT_STARTED, 35), (Status.IN_PROGRESS, 62), (Status.NOT_TAKEN_FORWARD, 3)],
    Status.IN_PROGRESS: [(Status.IN_PROGRESS, 63), (Status.COMPLETED, 35), (Status.NOT_TAKEN_FORWARD, 2)],
}
IN_PART_MOVES = {
    None: [(Status.NOT_STARTED, 50), (Status.IN_PROGRESS, 47), (Status.NOT_TAKEN_FORWARD, 3)],
    Status.NOT_STARTED: [(Status.NOT_STARTED, 45), (Status.IN_PROGRESS, 49), (Status.NOT_TAKEN_FORWARD, 6)],
    Status.IN_PROGRESS: [(Status.IN_PROGRESS, 72), (Status.COMPLETED, 25), (Status.NOT_TAKEN_FORWARD, 3)],
}
DISAGREED_MOVES = {
    None: [(Status.NOT_TAKEN_FORWARD, 70), (Status.NOT_STARTED, 25), (Status.IN_PROGRESS, 5)],
    Status.NOT_STARTED: [(Status.NOT_TAKEN_FORWARD, 60), (Status.NOT_STARTED, 35), (Status.IN_PROGRESS, 5)],
    Status.IN_PROGRESS: [(Status.IN_PROGRESS, 70), (Status.COMPLETED, 20), (Status.NOT_TAKEN_FORWARD, 10)],
}
MOVES = {
    Decision.AGREE: AGREED_MOVES,
    Decision.IN_PART: IN_PART_MOVES,
    Decision.DISAGREE: DISAGREED_MOVES,
    None: IN_PART_MOVES,  # no response recorded: work goes ahead slowly
}
# ~60% agree, ~25% in part, ~10% disagree, ~5% no response recorded.
DECISION_WEIGHTS = [(Decision.AGREE, 60), (Decision.IN_PART, 25), (Decision.DISAGREE, 10), (None, 5)]
STALL_CHANCE = 0.07
OPEN_ROUND_DONE_CHANCE = 0.8


# ---------------------------------------------------------------------------
# Small helpers
# ---------------------------------------------------------------------------


def _pick(rng, weighted):
    values, weights = zip(*weighted, strict=True)
    return rng.choices(values, weights)[0]


def _weekday(day):
    """The day, or the Monday after it if it falls at a weekend (committees meet on weekdays)."""
    while day.weekday() >= 5:
        day += datetime.timedelta(days=1)
    return day


def _moment(rng, day, first_hour=9, last_hour=17):
    """A time during the working day, in London."""
    return datetime.datetime.combine(
        day, datetime.time(rng.randint(first_hour, last_hour - 1), rng.randrange(0, 60, 5)), tzinfo=LONDON
    )


def _between(rng, start, end, late=False):
    """A random day from start to end inclusive; ``late`` leans towards the end (officers write near the deadline)."""
    span = max((end - start).days, 0)
    fraction = 1 - rng.random() ** 2 if late else rng.random()
    return start + datetime.timedelta(days=round(span * fraction))


class _Words:
    """Fills the {placeholders} of a sentence from the word lists, with one random stream."""

    def __init__(self, rng, place):
        self.rng = rng
        self.place = place

    def fill(self, template, *, thing, around):
        """The template with each {placeholder} filled; only those it names draw on the random stream."""
        rng = self.rng
        year = around.year - (1 if around.month < 4 else 0)  # the financial year it falls in
        makers = {
            "partner": lambda: rng.choice(PARTNERS),
            "funder": lambda: rng.choice(FUNDERS),
            "thing": lambda: thing,
            "place": lambda: self.place,
            "count": lambda: rng.randint(2, 60),
            "thousands": lambda: rng.choice([15, 25, 40, 50, 75, 120, 250]),
            "year": lambda: year,
            "next_year": lambda: f"{(year + 1) % 100:02d}",
            "month_year": lambda: f"{around + datetime.timedelta(days=rng.randint(30, 240)):%B %Y}",
            "date": lambda: f"{around - datetime.timedelta(days=rng.randint(5, 60)):%-d %B %Y}",
            "month_done": lambda: f"{around - datetime.timedelta(days=rng.randint(0, 60)):%B %Y}",
            "month": lambda: f"{around - datetime.timedelta(days=120):%B}",
            "month_later": lambda: f"{around - datetime.timedelta(days=30):%B %Y}",
            "detail": lambda: self.fill(rng.choice(DETAILS), thing=thing, around=around),
            "reason": lambda: self.fill(rng.choice(REASONS), thing=thing, around=around),
            "reason_lower": lambda: _lower_first(self.fill(rng.choice(REASONS), thing=thing, around=around)),
            "blocker": lambda: self.fill(rng.choice(BLOCKERS), thing=thing, around=around),
        }
        names = PLACEHOLDER.findall(template)
        if not names:
            return template
        return template.format(**{name: makers[name]() for name in dict.fromkeys(names)})


def _lower_first(text):
    return text[0].lower() + text[1:]


# ---------------------------------------------------------------------------
# Building one council's data, unsaved
# ---------------------------------------------------------------------------


@dataclass
class _CouncilPlan:
    council: Council
    officers: list = field(default_factory=list)
    memberships: list = field(default_factory=list)
    committees: list = field(default_factory=list)
    reviews: list = field(default_factory=list)
    rounds: list = field(default_factory=list)
    recommendations: list = field(default_factory=list)
    # (recommendation, theme name) pairs.
    theme_links: list = field(default_factory=list)
    responses: list = field(default_factory=list)
    updates: list = field(default_factory=list)


def council_names(rng, count):
    """``count`` distinct (name, slug) pairs, "Demo Ashford Borough Council" / "demo-ashford"."""
    places = [start + end for start in PLACE_STARTS for end in PLACE_ENDS]
    rng.shuffle(places)
    names = []
    for i in range(count):
        place = places[i % len(places)]
        if i >= len(places):
            place = f"{place} {i // len(places) + 1}"
        names.append((place, f"{NAME_PREFIX}{place} {rng.choice(COUNCIL_KINDS)}", PREFIX + slugify(place)))
    return names


def _plan_council(*, index, place, name, slug, seed, sizes, as_of):
    rng = random.Random(f"{seed}:{index}")
    words = _Words(rng, place)
    council = Council(name=name, slug=slug)
    plan = _CouncilPlan(council=council)
    decision_words = rng.choice(DECISION_WORDINGS)
    status_words = rng.choice(STATUS_WORDINGS)
    gives_titles = rng.random() < 0.3  # some councils give each recommendation a short title

    people = rng.sample([(f, la) for f in FIRST_NAMES for la in LAST_NAMES], rng.randint(3, 5) + 2)
    scrutiny_officer, cabinet_member = people[:2]
    for first, last in people[2:]:
        user = get_user_model()(
            username=f"{slug}-{first}.{last}".lower(),
            first_name=first,
            last_name=last,
            email=f"{first}.{last}@{slug}.example".lower(),
            password=make_password(None),
        )
        plan.officers.append(user)
        plan.memberships.append(Membership(user=user, council=council, role=Membership.Role.OFFICER))

    main = Committee(council=council, name=rng.choice(MAIN_COMMITTEES))
    plan.committees = [main] + [
        Committee(council=council, name=n) for n in rng.sample(OTHER_COMMITTEES, rng.randint(1, 3))
    ]
    responder = f"Councillor {cabinet_member[0]} {cabinet_member[1]}"

    topics = rng.sample(TOPICS, min(sizes.reviews, len(TOPICS)))
    while len(topics) < sizes.reviews:
        topic, themes = rng.choice(TOPICS)
        topics.append((f"{topic} ({len(topics) + 1})", themes))
    for topic, review_themes in topics:
        _plan_review(
            plan, rng, words, topic, review_themes, sizes, as_of,
            committee=main if rng.random() < 0.6 else rng.choice(plan.committees[1:]),
            decision_words=decision_words, status_words=status_words, gives_titles=gives_titles,
            responder=responder, responder_role=f"Cabinet Member for {rng.choice(PORTFOLIOS).format(place=place)}",
            scrutiny_officer=f"{scrutiny_officer[0]} {scrutiny_officer[1]}, Scrutiny Officer",
        )  # fmt: skip

    # The council, its committees and its officers are on record a little before its first review.
    start = _moment(rng, min(r.recommended_date for r in plan.reviews) - datetime.timedelta(days=60))
    for obj in [council, *plan.committees, *plan.memberships]:
        obj._history_date = start
    return plan


def _plan_review(
    plan, rng, words, topic, review_themes, sizes, as_of, *, committee, decision_words, status_words,
    gives_titles, responder, responder_role, scrutiny_officer,
):  # fmt: skip
    council = plan.council
    form = rng.choice(TITLE_FORMS)
    title = form.format(topic=topic, Topic=topic[0].upper() + topic[1:])
    # Rounds every six months; the last meets between four months ago and six weeks ahead.
    last_meeting = as_of + datetime.timedelta(days=rng.randint(-120, 45))
    meetings = [
        _weekday(
            last_meeting - datetime.timedelta(days=ROUND_DAYS * (sizes.rounds - 1 - j) + rng.randint(-10, 10))
        )
        for j in range(sizes.rounds)
    ]
    meetings[-1] = _weekday(last_meeting)
    response_date = _weekday(meetings[0] - datetime.timedelta(days=rng.randint(150, 200)))
    recommended_date = _weekday(response_date - datetime.timedelta(days=rng.randint(30, 90)))
    review = Review(
        council=council,
        committee=committee,
        title=title,
        slug=f"{council.slug}-{slugify(topic)}"[:100],
        recommended_date=recommended_date,
        report_dated=f"{recommended_date:%B %Y}",
        endorsed_date=response_date + datetime.timedelta(days=rng.randint(0, 40))
        if rng.random() < 0.5
        else None,
    )
    review._history_date = _moment(rng, recommended_date)
    plan.reviews.append(review)

    rounds = []
    for j, meeting in enumerate(meetings):
        due = meeting - datetime.timedelta(days=rng.randint(14, 28))
        closes = meeting + datetime.timedelta(days=rng.randint(2, 10))
        update_round = UpdateRound(
            review=review,
            committee=committee,
            meeting_date=meeting,
            title=f"Update on implementation of the recommendations of the {title}",
            report_author=scrutiny_officer,
            cabinet_member=f"{responder}, {responder_role}",
            wards="All",
            introduction=(
                "## Purpose of report\n\n"
                f"To update the committee on progress against the {sizes.recommendations} recommendations "
                f"of the {title}, to which the Cabinet responded on {response_date:%-d %B %Y}."
            ),
            previous_update_date=meetings[j - 1] if j else None,
            due_date=due,
        )
        # Opened the day after the last meeting (or the response), closed a few days after its own;
        # updates are written in between, up to the due date.
        update_round._starts = (meetings[j - 1] if j else response_date) + datetime.timedelta(days=1)
        update_round._history_date = _moment(rng, update_round._starts)
        update_round._closes_at = _moment(rng, closes) if closes < as_of else None
        rounds.append(update_round)
    plan.rounds.extend(rounds)

    # The review's own leaning: some are welcomed, some are not.
    warmth = rng.uniform(0.6, 1.4)
    weights = [(d, w * (warmth if d == Decision.AGREE else 1)) for d, w in DECISION_WEIGHTS]
    used = set()
    for number in range(1, sizes.recommendations + 1):
        theme = rng.choice(review_themes) if rng.random() < 0.7 else rng.choice(THEME_NAMES)
        choices = [c for c in THEMES[theme] if c[1] not in used] or [
            c for name in THEME_NAMES for c in THEMES[name] if c[1] not in used
        ]
        if not choices:
            choices = THEMES[theme]
        short_title, clause, thing = rng.choice(choices)
        used.add(clause)
        subject = rng.choice(SUBJECTS)
        tail = words.fill(rng.choice(TAILS), thing=thing, around=recommended_date)
        text = f"That {subject} {words.fill(clause, thing=thing, around=recommended_date)}{tail}"
        recommendation = Recommendation(
            review=review,
            number=number,
            title=short_title if gives_titles else "",
            text=text,
            lead_officer=rng.choice(plan.officers) if rng.random() < 0.9 else None,
            source_position=number,
        )
        recommendation._history_date = review._history_date
        plan.recommendations.append(recommendation)
        others = [t for t in THEME_NAMES if t != theme]
        for name in [theme, *rng.sample(others, _pick(rng, [(0, 45), (1, 40), (2, 15)]))]:
            plan.theme_links.append((recommendation, name))

        decision = _pick(rng, weights)
        if decision is not None:
            template = {
                Decision.AGREE: AGREE_COMMENTS,
                Decision.IN_PART: IN_PART_COMMENTS,
                Decision.DISAGREE: DISAGREE_COMMENTS,
            }[decision]
            response = CabinetResponse(
                recommendation=recommendation,
                decision=decision,
                decision_wording=decision_words[decision],
                comment=words.fill(rng.choice(template), thing=thing, around=response_date),
                responder_name=responder,
                responder_role=responder_role,
                response_date=response_date,
                source_position=number,
            )
            response._history_date = _moment(rng, response_date)
            plan.responses.append(response)
        _plan_updates(plan, rng, words, recommendation, rounds, decision, thing, status_words, as_of)


def _plan_updates(plan, rng, words, recommendation, rounds, decision, thing, status_words, as_of):
    """One update a round, the status moving on, until it stalls; the open round may still be owed."""
    moves = MOVES[decision]
    status = None
    finished_on = None
    stalls_at = rng.randint(1, len(rounds) - 1) if len(rounds) > 1 and rng.random() < STALL_CHANCE else None
    author = recommendation.lead_officer or rng.choice(plan.officers)
    for j, update_round in enumerate(rounds):
        if stalls_at is not None and j >= stalls_at and status not in FINISHED:
            break
        end = update_round.due_date
        if update_round._closes_at is None:
            # The open round: updates are written up to today; some are still owed.
            if end > as_of:
                elapsed = (as_of - update_round._starts).days / max((end - update_round._starts).days, 1)
                chance = OPEN_ROUND_DONE_CHANCE * min(max(elapsed, 0), 1)
            else:
                chance = OPEN_ROUND_DONE_CHANCE
            if rng.random() >= chance:
                continue
            end = min(end, as_of)
        update_date = _between(rng, update_round._starts, end, late=True)
        if status in FINISHED:
            text = CARRIED_FORWARD[status].format(month_year=f"{finished_on:%B %Y}")
        else:
            status = _pick(rng, moves[status])
            pool = {
                Status.NOT_STARTED: NOT_STARTED,
                Status.COMPLETED: COMPLETED,
                Status.NOT_TAKEN_FORWARD: NOT_TAKEN_FORWARD,
            }.get(status)
            if pool:
                text = words.fill(rng.choice(pool), thing=thing, around=update_date)
            else:
                text = " ".join(
                    words.fill(rng.choice(PROGRESS), thing=thing, around=update_date)
                    for _ in range(rng.randint(1, 2))
                )
                text += "\n\n" + words.fill(rng.choice(NEXT_STEPS), thing=thing, around=update_date)
            if status in FINISHED:
                finished_on = update_date
        update = ProgressUpdate(
            recommendation=recommendation,
            round=update_round,
            status=status,
            status_wording=status_words[status],
            text=text,
            update_date=update_date,
            author=author,
            evidence=f"Report to Cabinet, {update_date:%-d %B %Y}" if rng.random() < 0.1 else "",
        )
        update._history_date = _moment(rng, update_date)
        plan.updates.append(update)


# ---------------------------------------------------------------------------
# Writing
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Sizes:
    councils: int
    reviews: int
    recommendations: int
    rounds: int


def existing_demo_councils():
    """Councils this command made: named as demo councils are, and created with its reason."""
    generated = Council.history.filter(history_type="+", history_change_reason__startswith=REASON_START)
    return Council.objects.filter(
        slug__startswith=PREFIX, name__startswith=NAME_PREFIX, pk__in=generated.values("id")
    )


def generate(*, sizes, seed, as_of, user, progress=None):
    """Create the demo data set for these sizes and seed, with history, in one transaction; return counts.

    ``progress(done, total)`` is called after each chunk of councils is written.
    """
    reason = reason_for(seed)
    counts = dict.fromkeys(
        ["councils", "committees", "officers", "reviews", "rounds", "open rounds", "recommendations",
         "theme links", "responses", "updates", "history rows"], 0,
    )  # fmt: skip
    history = {"user": user, "reason": reason}
    names = council_names(random.Random(seed), sizes.councils)
    per_chunk = max(1, RECOMMENDATIONS_PER_CHUNK // (sizes.reviews * sizes.recommendations))
    with transaction.atomic():
        themes = _themes(as_of=as_of, sizes=sizes, counts=counts, **history)
        for start in range(0, sizes.councils, per_chunk):
            plans = [
                _plan_council(index=i, place=place, name=name, slug=slug, seed=seed, sizes=sizes, as_of=as_of)
                for i, (place, name, slug) in enumerate(names[start : start + per_chunk], start=start)
            ]
            _write(plans, themes, counts, **history)
            reset_queries()  # with DEBUG on, Django keeps every query's SQL: megabytes a chunk here
            if progress:
                progress(min(start + per_chunk, sizes.councils), sizes.councils)
    return counts


def _themes(*, as_of, sizes, counts, user, reason):
    """The themes by name: those that exist already are used as they are."""
    themes = {t.name: t for t in Theme.objects.filter(name__in=THEME_NAMES)}
    missing = [Theme(name=n, slug=slugify(n)) for n in THEME_NAMES if n not in themes]
    when = datetime.datetime.combine(
        as_of - datetime.timedelta(days=ROUND_DAYS * sizes.rounds + 400), datetime.time(9), tzinfo=LONDON
    )
    created = bulk_create_with_history(
        missing, Theme, default_user=user, default_change_reason=reason, default_date=when
    )
    counts["history rows"] += len(created)
    themes.update((t.name, t) for t in created)
    return themes


def _create(objs, model, counts, *, user, reason):
    """Bulk create with a history row each (dated by each object's ``_history_date``)."""
    created = bulk_create_with_history(
        objs, model, batch_size=BATCH_SIZE, default_user=user, default_change_reason=reason
    )
    counts["history rows"] += len(created)
    return created


def _write(plans, themes, counts, *, user, reason):
    history = {"user": user, "reason": reason}

    def gather(name):
        return [obj for plan in plans for obj in getattr(plan, name)]

    _create([p.council for p in plans], Council, counts, **history)
    officers = gather("officers")
    get_user_model().objects.bulk_create(officers, batch_size=BATCH_SIZE)
    _create(gather("memberships"), Membership, counts, **history)
    _create(gather("committees"), Committee, counts, **history)
    _create(gather("reviews"), Review, counts, **history)

    rounds = gather("rounds")
    _create(rounds, UpdateRound, counts, **history)
    # Closing a round is a change of its own, recorded when it happened.
    closed = [r for r in rounds if r._closes_at is not None]
    for update_round in closed:
        update_round.closed_at = update_round._history_date = update_round._closes_at
    bulk_update_with_history(
        closed,
        UpdateRound,
        ["closed_at"],
        batch_size=BATCH_SIZE,
        default_user=user,
        default_change_reason=reason,
    )
    counts["history rows"] += len(closed)

    recommendations = _create(gather("recommendations"), Recommendation, counts, **history)
    _link_themes(plans, themes, recommendations, counts)
    _create(gather("responses"), CabinetResponse, counts, **history)
    updates = services.add_updates(gather("updates"), **history)
    counts["history rows"] += len(updates)

    counts["councils"] += len(plans)
    counts["committees"] += sum(len(p.committees) for p in plans)
    counts["officers"] += len(officers)
    counts["reviews"] += sum(len(p.reviews) for p in plans)
    counts["rounds"] += len(rounds)
    counts["open rounds"] += len(rounds) - len(closed)
    counts["recommendations"] += len(recommendations)
    counts["responses"] += sum(len(p.responses) for p in plans)
    counts["updates"] += sum(len(p.updates) for p in plans)


def _link_themes(plans, themes, recommendations, counts):
    """The through rows, and the same links in each recommendation's first history row.

    simple-history keeps a snapshot of a recommendation's themes with every
    history row of it (``HistoricalRecommendation_themes``); a recommendation
    made with its themes has them in its "+" row, as if saved with them.
    """
    through = Recommendation.themes.through
    links = through.objects.bulk_create(
        [
            through(recommendation=recommendation, theme=themes[name])
            for plan in plans
            for recommendation, name in plan.theme_links
        ],
        batch_size=BATCH_SIZE,
    )
    ids = [r.pk for r in recommendations]
    records = Recommendation.history.filter(id__gte=min(ids), id__lte=max(ids), history_type="+")
    first_record = dict(records.values_list("id", "history_id"))
    link_history = Recommendation.history.model.themes.model
    link_history.objects.bulk_create(
        [
            link_history(
                id=link.pk,
                history_id=first_record[link.recommendation_id],
                recommendation_id=link.recommendation_id,
                theme_id=link.theme_id,
            )
            for link in links
        ],
        batch_size=BATCH_SIZE,
    )
    counts["theme links"] += len(links)
    counts["history rows"] += len(links)


# ---------------------------------------------------------------------------
# Removing
# ---------------------------------------------------------------------------


def demo_data_blockers():
    """Why the demo data cannot be removed, in plain English, or an empty string."""
    councils = existing_demo_councils()
    papers = SourceDocument.objects.filter(council__in=councils)
    if papers.exists():
        names = ", ".join(sorted({str(d.council) for d in papers.select_related("council")[:5]}))
        return (
            f"Papers have been imported into demo councils ({names}); the demo data cannot be replaced "
            "without losing them. Delete those papers first."
        )
    return ""


def remove(*, user, reason, progress=None):
    """Delete every demo council and what hangs off it, leaving a "-" history row for each, naming who and why.

    simple-history has no bulk delete helper, and deleting through the ORM
    writes the history one row at a time (minutes at full size, with no way
    to give a reason). So, model by model from the leaves up, the deletion
    history rows are bulk created as simple-history would write them, then
    the rows deleted by primary key.
    """
    councils = list(existing_demo_councils().order_by("pk").values_list("pk", flat=True))
    when = timezone.now()
    removed = 0
    with transaction.atomic():
        for start in range(0, len(councils), 20):
            chunk = councils[start : start + 20]
            officers = get_user_model().objects.filter(
                memberships__council__in=chunk, username__startswith=PREFIX
            )
            officer_ids = list(officers.values_list("pk", flat=True))
            # Not tracked: the links' history is the snapshot kept with each recommendation's history row.
            Recommendation.themes.through.objects.filter(recommendation__review__council__in=chunk).delete()
            # Derived from the updates, not tracked: it goes with them.
            LatestProgress.objects.filter(recommendation__review__council__in=chunk).delete()
            for queryset in [
                ProgressUpdate.objects.filter(recommendation__review__council__in=chunk),
                CabinetResponse.objects.filter(recommendation__review__council__in=chunk),
                EvidenceLink.objects.filter(recommendation__review__council__in=chunk),
                Recommendation.objects.filter(review__council__in=chunk),
                UpdateRound.objects.filter(review__council__in=chunk),
                Review.objects.filter(council__in=chunk),
                Committee.objects.filter(council__in=chunk),
                Membership.objects.filter(council__in=chunk),
                Council.objects.filter(pk__in=chunk),
            ]:
                _delete_with_history(queryset, user=user, reason=reason, when=when)
            # The officers' accounts (not tracked) go too.
            get_user_model().objects.filter(pk__in=officer_ids).delete()
            removed += len(chunk)
            if progress:
                progress(removed, len(councils))
    return removed


def _delete_with_history(queryset, *, user, reason, when):
    history_model = queryset.model.history.model
    objs = list(queryset.order_by())
    history_model.objects.bulk_create(
        [
            history_model(
                history_date=when,
                history_type="-",
                history_user=user,
                history_change_reason=reason,
                **{f.attname: getattr(obj, f.attname) for f in history_model.tracked_fields},
            )
            for obj in objs
        ],
        batch_size=BATCH_SIZE,
    )
    # Without the collector: its signals would write the history a second time, row by row.
    DeleteQuery(queryset.model).delete_batch([obj.pk for obj in objs], queryset.db)


def clash():
    """Records that are not demo data but look like it (and would collide with it), in plain English, or ""."""
    demo = existing_demo_councils()
    council = (
        Council.objects.filter(Q(slug__startswith=PREFIX) | Q(name__startswith=NAME_PREFIX))
        .exclude(pk__in=demo)
        .first()
    )
    if council:
        return (
            f"The council “{council}” (slug “{council.slug}”) is not demo data, but its name or slug starts "
            f"as demo councils' do (“{NAME_PREFIX}”, “{PREFIX}”). Rename it first."
        )
    review = Review.objects.filter(slug__startswith=PREFIX).exclude(council__in=demo).first()
    if review:
        return f"The review “{review}” has a slug starting “{PREFIX}”, as demo reviews' do. Change its slug first."
    return ""
