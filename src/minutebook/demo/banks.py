"""Names, places and stock phrases for the demo council.

Everything here is fictional. Places are Thomas Hardy's Wessex; telephone numbers use
Ofcom's drama range (01632 960xxx); e-mail and web addresses use the reserved ``.example``
top-level domain, so nothing here can reach a real person or council.
"""

from __future__ import annotations

COUNCIL_NAME = "Wessex County Council"
COUNCIL_SLUG = "wessex"
COUNTY = "Wessex"
WEBSITE = "https://www.wessex-council.example"
EMAIL_DOMAIN = "wessex-council.example"
WEBCAST_BASE = "https://webcasting.wessex-council.example/archive"
COUNTY_TOWN = "Casterbridge"

TOWNS = [
    "Casterbridge",
    "Budmouth",
    "Melchester",
    "Sherton Abbas",
    "Shaston",
    "Anglebury",
    "Sandbourne",
    "Port Bredy",
    "Ivell",
    "Stourcastle",
    "Kingsbere",
    "Emminster",
    "Weatherbury",
    "Exonbury",
]

DIVISIONS = [
    "Casterbridge North",
    "Casterbridge South and Fordington",
    "Budmouth Harbour",
    "Budmouth Upwey",
    "Melchester East",
    "Melchester Bemerton",
    "Sherton Abbas",
    "Shaston and Stour Valley",
    "Anglebury and Purbeck",
    "Sandbourne West",
    "Sandbourne Canford",
    "Port Bredy",
    "Ivell Rural",
    "Stourcastle",
    "Kingsbere and Bere Regis",
    "Emminster and Beaminster",
    "Weatherbury and Mellstock",
    "Abbot's Cernel",
    "Chalk Newton",
    "Exonbury Vale",
    "Egdon Heath",
    "Marlott and Blackmoor Vale",
    "Nuttlebury",
    "Trantridge",
]

# (party, weight): a majority group and a handful of others, as in most shire counties.
PARTIES = [
    ("Conservative", 9),
    ("Liberal Democrat", 4),
    ("Labour", 3),
    ("Green", 1),
    ("Independent", 1),
]

FIRST_NAMES = [
    "Ann",
    "Mike",
    "John",
    "Syed",
    "Trevor",
    "Jason",
    "Natasha",
    "Paul",
    "Conor",
    "Gill",
    "Kath",
    "Mark",
    "Philip",
    "Alan",
    "Julia",
    "Bernard",
    "Maureen",
    "Keith",
    "Ron",
    "Bryan",
    "Helen",
    "Janet",
    "David",
    "Sarah",
    "Rebecca",
    "Colin",
    "Margaret",
    "Stephen",
    "Ian",
    "Priya",
    "Tariq",
    "Deborah",
    "Charlotte",
    "Martin",
    "Victoria",
    "Graham",
    "Nadia",
    "Hugh",
    "Fiona",
    "Robert",
    "Susan",
    "Christopher",
    "Elizabeth",
    "Anthony",
    "Amrit",
]
SURNAMES = [
    "Beech",
    "Davies",
    "Francis",
    "Hussain",
    "Johnson",
    "Jones",
    "Pullen",
    "Snape",
    "Wileman",
    "Worthington",
    "Henchard",
    "Farfrae",
    "Oak",
    "Everdene",
    "Boldwood",
    "Troy",
    "Clare",
    "Durbeyfield",
    "Yeobright",
    "Wildeve",
    "Venn",
    "Winterborne",
    "Melbury",
    "Fitzpiers",
    "Charmond",
    "Swancourt",
    "Knight",
    "Somerset",
    "Dare",
    "Stancy",
    "Garland",
    "Loveday",
    "Derriman",
    "Chundle",
    "Bathurst",
    "Okonjo",
    "Patel",
    "Khan",
    "Kowalski",
    "McAllister",
    "Pennington",
    "Ashworth",
    "Trent",
    "Halloran",
    "Rossiter",
    "Fairweather",
    "Goodenough",
]
# How a first name is also printed: the demo records the other form as a NameVariant.
NICKNAMES = {
    "Mike": "Michael",
    "Kath": "Katherine",
    "Phil": "Philip",
    "Philip": "Phil",
    "Ron": "Ronald",
    "Gill": "Gillian",
    "Robert": "Bob",
    "Susan": "Sue",
    "Christopher": "Chris",
    "Elizabeth": "Liz",
    "Anthony": "Tony",
    "Deborah": "Debbie",
    "Margaret": "Maggie",
    "Stephen": "Steve",
    "David": "Dave",
}
POST_NOMINALS = ["MBE", "OBE", "JP", "DL", "MBE JP"]

# Cabinet portfolios: key -> printed title. Reports are "Report of the Cabinet Member for ...".
PORTFOLIOS = {
    "leader": "Leader of the Council",
    "finance": "Cabinet Member for Finance and Resources",
    "children": "Cabinet Member for Children and Young People",
    "communities": "Cabinet Member for Communities and Culture",
    "health": "Cabinet Member for Health, Care and Wellbeing",
    "highways": "Cabinet Member for Highways and Transport",
    "economy": "Cabinet Member for Economy and Skills",
    "learning": "Cabinet Member for Education and SEND",
}
# From the reshuffle (the last municipal year on) some portfolios are renamed.
PORTFOLIOS_AFTER_RESHUFFLE = {
    "communities": "Cabinet Member for Communities and Community Safety",
    "economy": "Cabinet Member for Economy, Skills and Digital",
}
PORTFOLIO_ORDER = [
    "leader",
    "finance",
    "children",
    "communities",
    "health",
    "highways",
    "economy",
    "learning",
]

# Officers: key -> (job title, is a "lead officer" for reports). The first signs agendas.
OFFICERS = [
    ("corporate", "Director of Corporate Services"),
    ("scrutiny", "Scrutiny and Support Manager"),
    ("children", "Director for Children and Families"),
    ("community_safety", "Assistant Director for Community Safety and Partnerships"),
    ("adults", "Director of Health and Care"),
    ("finance", "Director of Finance (Section 151 Officer)"),
    ("audit", "Chief Internal Auditor"),
    ("highways", "Assistant Director for Highways and Transport"),
    ("economy", "Head of Economic Growth and Skills"),
    ("safeguarding", "Safeguarding Partnerships Manager"),
    ("legal", "Monitoring Officer and Head of Legal Services"),
    ("education", "Assistant Director for Education, Inclusion and SEND"),
]
OFFICER_NAMES = [
    ("Tina", "Gould"),
    ("Julie", "Long"),
    ("Vonni", "Gordon"),
    ("Andrew", "Jepps"),
    ("Rachel", "Marwood"),
    ("Owen", "Prideaux"),
    ("Lucy", "Satchell"),
    ("Daniel", "Crick"),
    ("Harriet", "Tulliver"),
    ("Simon", "Lackland"),
    ("Joanne", "Penhale"),
    ("Neil", "Woodwell"),
    ("Claire", "Aldclyffe"),
    ("Gareth", "Mallory"),
    ("Emma", "Springrove"),
    ("Kevin", "Manston"),
]

CO_OPTEES = [
    ("Mrs", "Ruth", "Okafor", "Parent Governor Representative"),
    ("Revd", "Jeremy", "Cuxsom", "Church of England Diocesan Representative"),
    ("Mr", "Peter", "Grower", "Roman Catholic Diocesan Representative"),
]

VENUES = {
    "chamber": f"Council Chamber, County Hall, {COUNTY_TOWN}",
    "oak": f"Oak Room, County Hall, {COUNTY_TOWN}",
    "hardy": f"Hardy Room, County Hall, {COUNTY_TOWN}",
    "cr2": f"Committee Room 2, County Hall, {COUNTY_TOWN}",
    "budmouth": "Harbour Suite, Budmouth Civic Offices",
}

AGENDA_NOTE = (
    "NB. Members are requested to ensure that their Laptops/Tablets are fully charged before "
    "the meeting"
)

# Exempt information: paragraphs of Part 1 of Schedule 12A used by the demo's Part Two items.
EXCLUSION_RESOLUTION = (
    "That the public be excluded from the meeting for the following items of business which "
    "involve the likely disclosure of exempt information as defined in the paragraphs of Part 1 "
    "of Schedule 12A of the Local Government Act 1972 indicated below."
)

# Things members declare. {item} is the agenda item's title.
DECLARATIONS = [
    (
        "other_registrable",
        "a personal interest in item {number} ({item}) as a trustee of {town} Women's Refuge",
    ),
    (
        "non_registrable",
        "a personal interest in item {number} ({item}) as a close family member works for the service",
    ),
    (
        "other_registrable",
        "a personal interest in item {number} ({item}) as a governor of a {town} primary school",
    ),
    (
        "pecuniary",
        "a disclosable pecuniary interest in item {number} ({item}) as a director of a company that has tendered for the contract; left the room for that item",
    ),
    (
        "other_registrable",
        "a personal interest in item {number} ({item}) as a member of {town} Town Council",
    ),
    (
        "non_registrable",
        "a personal interest in item {number} ({item}) as a foster carer for the County Council",
    ),
]

SCRUTINY_QUESTIONS = [
    "Members queried how the performance of {town} compared with the rest of the county and were informed that outcomes were broadly in line with the county average, although demand had grown faster in the south of the county.",
    "Concerns were shared over the capacity of the workforce to meet rising demand. Members heard that recruitment and retention remained the single biggest risk and that a refreshed workforce strategy would be presented to Cabinet in the spring.",
    "Members asked how the voice of service users had informed the proposals. Officers explained that {n} people had responded to the consultation and that a summary of their comments would be circulated after the meeting.",
    "The Select Committee queried whether partners were contributing fairly to the cost of the arrangements. There was no funding formula as such, with contributions being historic; a review of the formula was underway.",
    "Members raised the issue of rural isolation and asked how residents without internet access would be supported. Officers confirmed that telephone and face to face routes would remain available.",
    "The Chair asked that the Committee receive the next set of performance figures as soon as they were available rather than waiting for the next annual report.",
    "Members were reassured that the issues identified had been escalated to the relevant partnership board and that an action plan with clear timescales was in place.",
    "In response to a question about benchmarking, Members heard that {county} was now more or less in line with its statistical neighbours, having been below them for the previous two years.",
    "Members welcomed the progress made but noted that much of the improvement depended on one-off grant funding, and asked what would happen when that funding ended in March.",
    "The Cabinet Member acknowledged the Committee's concerns and undertook to discuss them with the Chair and Vice-Chair at the next triangulation meeting.",
    "Members asked for a breakdown of the figures by district and borough. Officers agreed to forward this to Members after the meeting.",
    "The Committee discussed the difficulty of measuring outcomes for prevention work, where success meant that something did not happen, and asked that case studies be included in future reports.",
]

AUDIT_QUESTIONS = [
    "Members asked whether the limited assurance findings had been discussed with the relevant Cabinet Member and were told that they had.",
    "In response to a question, the Chief Internal Auditor confirmed that the audit plan remained on track and that sufficient work would be completed to support the annual opinion.",
    "Members asked about the resilience of the finance team during the closure of accounts and were informed that two additional posts had been recruited.",
    "The Independent Member asked how the Committee would know that agreed actions had been implemented; officers explained the follow-up process and agreed to include a summary in future reports.",
    "Members noted the national backlog in the audit of local authority accounts and the effect of the statutory backstop dates.",
]

GENERIC_RESOLUTIONS = [
    "a further report be brought to the Committee in twelve months' time",
    "a briefing note setting out the figures by district be forwarded to Members",
    "the Cabinet Member be asked to consider the Committee's comments before the final decision is taken",
    "the issue be added to the Committee's work programme",
    "the progress detailed in the report be welcomed",
    "officers be thanked for their work and for the clarity of the report",
]

WORK_PROGRAMME_BACKGROUND = [
    "Suggested at the {month} triangulation meeting.",
    "Requested by the Vice-Chair at the {month} Committee meeting.",
    "This is reported to the Committee on an annual basis.",
    "The Committee has requested a six monthly update on this issue.",
    "Referral from Corporate Parenting Panel, {month}.",
    "At their {month} meeting Members requested a report in 6 months' time to consider how the new arrangements had bedded in.",
    "Suggested at the {month} meeting; this is an issue currently within the remit of the Health Overview and Scrutiny Committee.",
]

TBC_DATES = [
    "tbc",
    "Tbc",
    "tbc \u2013 possibly {month}",
    "Post {month}",
    "Tbc? 12 months after start of contract",
]

REVIEW_RESPONSES_ACCEPTED = [
    "The recommendation is accepted and will be taken forward by the service.",
    "Accepted. Officers will report progress to the Committee in six months.",
]
REVIEW_RESPONSES_PARTLY = [
    "Partly accepted. Whilst having sympathy with the recommendation, the Cabinet Member is unable to allocate further officer resource at this time; the service will instead include it in the existing improvement plan.",
    "Partly accepted. The review of the policy will go ahead, but the timetable proposed by the Committee cannot be met because of the national consultation currently underway.",
]
REVIEW_RESPONSES_REJECTED = [
    "Not accepted. The proposal would duplicate arrangements already in place through the safeguarding partnership, and the cost could not be met within the Medium Term Financial Strategy.",
    "Not accepted. Responsibility for this area rests with the NHS commissioners; the Cabinet Member will write to them setting out the Committee's concerns.",
]
PROGRESS_TEXTS = [
    "Action plan agreed with partners; first quarterly report received by the partnership board.",
    "Revised guidance drafted and circulated to schools and settings for comment.",
    "Training programme launched; {n} practitioners attended in the first quarter.",
    "Work delayed by recruitment difficulties; now expected to complete in the next quarter.",
    "Completed. The new arrangements are in place and will be reviewed as part of the annual report.",
]
