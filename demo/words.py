"""The words the demo data is made of: places, people, committees, themes, and the sentences of
recommendations, responses and updates, with {placeholders} that the plan fills."""

from recommendations.models import Decision, Status

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
        Status.ALTERNATIVE_ACTION: "Alternative action taken",
        Status.OVERTAKEN: "Overtaken by events",
        Status.NOT_TAKEN_FORWARD: "Not taken forward",
    },
    {
        Status.NOT_STARTED: "Not yet started",
        Status.IN_PROGRESS: "Ongoing",
        Status.COMPLETED: "Complete",
        Status.ALTERNATIVE_ACTION: "Met by other means",
        Status.OVERTAKEN: "No longer relevant",
        Status.NOT_TAKEN_FORWARD: "Will not be implemented",
    },
    {
        Status.NOT_STARTED: "Red: not started",
        Status.IN_PROGRESS: "Amber: in progress",
        Status.COMPLETED: "Green: complete",
        Status.ALTERNATIVE_ACTION: "Closed: alternative action",
        Status.OVERTAKEN: "Closed: overtaken",
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
ALTERNATIVE_ACTION = [
    "The aim of this recommendation is being met another way: {alternative}",
    "Rather than a {thing}, the Council has chosen another route. {alternative}",
]
ALTERNATIVES = [
    "the work has been folded into the joint plan agreed with {partner}.",
    "{partner} now provides this, funded in part by the Council.",
    "a smaller pilot in {count} wards is being run instead, within existing resources.",
    "the existing {thing} has been extended rather than a new one made.",
]
OVERTAKEN = [
    "This recommendation has been overtaken by events. {overtaken}",
    "Events have moved on since the review reported. {overtaken}",
]
OVERTAKEN_BY = [
    "New national guidance, expected in {month_year}, now sets out what councils must do.",
    "{partner} has since taken on this responsibility across the county.",
    "The service it concerned was recommissioned in {month_done} on different terms.",
    "A change in the law means the Council can no longer do this as recommended.",
]
CARRIED_FORWARD = {
    Status.COMPLETED: "No further update: reported as completed in {month_year}.",
    Status.ALTERNATIVE_ACTION: "No further update: reported in {month_year} as met by alternative action.",
    Status.OVERTAKEN: "No further update: reported in {month_year} as overtaken by events.",
    Status.NOT_TAKEN_FORWARD: "No further update: reported as not taken forward in {month_year}.",
}
# How a recommendation that is not carried out as made ends: (outcome, weight), and the sentences of each.
CLOSING_OUTCOMES = [(Status.NOT_TAKEN_FORWARD, 50), (Status.ALTERNATIVE_ACTION, 30), (Status.OVERTAKEN, 20)]
CLOSING_TEXTS = {
    Status.NOT_TAKEN_FORWARD: NOT_TAKEN_FORWARD,
    Status.ALTERNATIVE_ACTION: ALTERNATIVE_ACTION,
    Status.OVERTAKEN: OVERTAKEN,
}
# The reason an officer gives for closing it so (the update's outcome reason).
OUTCOME_REASONS = {
    Status.NOT_TAKEN_FORWARD: "{reason}",
    Status.ALTERNATIVE_ACTION: "The aim is met another way: {alternative}",
    Status.OVERTAKEN: "{overtaken}",
}

# ---------------------------------------------------------------------------
# Following recommendations through: targets, extensions, the committee's view, escalation
# ---------------------------------------------------------------------------

# Why an officer revises a target date, or asks the committee for more time.
TARGET_REASONS = [
    "The {thing} depends on work with {partner}, which has moved to {month_year}.",
    "Funding from {funder} was confirmed later than planned.",
    "The lead post was vacant for several months; the new lead officer has re-planned the work.",
    "Consultation with {partner} was extended at their request.",
    "The work has been brought forward to align with the new budget for {year}/{next_year}.",
    "Procurement of the {thing} took longer than expected.",
    "National guidance, now expected in {month_year}, is needed before the work can be finished.",
]
EXTENSION_APPROVED_NOTES = [
    "",
    "",
    "Agreed, on condition that progress is reported at the next update.",
    "Agreed. The committee asked for a timetable to be circulated to members.",
]
EXTENSION_DECLINED_NOTES = [
    "The committee expects the work to be finished to the original timetable.",
    "Not agreed: the committee asked the Cabinet Member to set out how the date will be met.",
    "Declined. The committee did not think the reason given justified more time.",
]
NOT_ACCEPTED_REASONS = [
    "The committee did not accept that the {thing} is in place: it asked for evidence of its use.",
    "The update describes a plan, not a completed piece of work.",
    "Only part of the recommendation has been done; the work with {partner} is outstanding.",
    "Members asked to see the outcome of the evaluation before signing this off.",
]
REOPEN_REASONS = [
    "Members heard at the meeting on {date} that the {thing} has stopped.",
    "A complaint from residents showed that the {thing} is not working as reported.",
    "The funding that kept the {thing} going ended in {month_done}.",
]
NOT_ADEQUATE_COMMENTS = [
    "The update does not say what has been done since the last round.",
    "Members asked for figures showing the effect of the work, not a description of it.",
    "The update does not say when the work will be finished.",
    "The committee asked for the update to be rewritten by the lead officer, not carried forward.",
]
# Each council's escalation ladder, one of these, three steps each.
ESCALATION_LADDERS = [
    [
        "Reminder from the scrutiny officer",
        "Letter from the chair to the director",
        "Cabinet member invited to attend the committee",
    ],
    [
        "Chase by the democratic services officer",
        "Chair writes to the Cabinet Member",
        "Item called in to the next meeting",
    ],
    [
        "Email reminder to the lead officer",
        "Chair's letter to the chief executive",
        "Director asked to attend and explain",
    ],
]
ESCALATION_NOTES = [
    "Sent on {date}, asking for an update by the next meeting.",
    "The letter asked when the work will be finished and what is holding it up.",
    "Asked for a written reply within 20 working days.",
    "Agreed at the meeting; the minute records the committee's concern.",
]

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
