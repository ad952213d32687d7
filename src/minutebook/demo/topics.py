"""What the demo council's committees talk about: one entry per report topic.

Each topic carries the pieces of the council's report template and of the minutes that
record it, written in the register of real county council papers. Templates use
``str.format`` fields filled per meeting: {county}, {council}, {town}, {year} ("2024-25"),
{prev_year}, {fy} ("2024/25"), {n}, {big}, {pct}, {money}, {month}.

``areas`` says which committees take the topic: "safeguarding", "children", "prosperity",
"corporate" (scrutiny), "audit", "cabinet".
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Topic:
    key: str
    areas: tuple[str, ...]
    title: str
    portfolio: str
    officer: str
    summary: str
    body: tuple[str, ...]
    narrative: tuple[str, ...]
    resolutions: tuple[str, ...]
    recommendation: str = "That the Select Committee scrutinises the contents of the report."
    strategic: str = (
        "The work contributes to the priority in the County Council's Strategic Plan that the "
        "people of {county} will feel safer, happier and more supported in and by their community."
    )
    impact: str = (
        "There are no direct community impact implications arising from this report; any changes "
        "to services will be subject to a Community Impact Assessment."
    )
    appendices: tuple[str, ...] = ()
    annual: bool = False
    subitems: tuple[tuple[str, str], ...] = ()
    outcome: str = "Members welcomed the report and asked for a further update in twelve months."
    local_members: str = "N/A"


TOPICS: tuple[Topic, ...] = (
    # --- Safeguarding and community safety -------------------------------------------------
    Topic(
        key="domestic_abuse",
        areas=("safeguarding",),
        title="Domestic Abuse Services: Twelve Months of the New Contract",
        portfolio="communities",
        officer="community_safety",
        summary="This report updates the Select Committee on the first twelve months of the pan-{county} domestic abuse contract, including demand, outcomes for victims and children, and the work of the Domestic Abuse Local Partnership Board.",
        body=(
            "The Domestic Abuse Act 2021 placed a duty on the County Council to assess the need for accommodation-based support for victims and their children, to prepare a strategy and to commission services in line with it.",
            "The new integrated service began on 1 April. In its first year it received {big} referrals, an increase of {pct}% on the previous contract, with the largest growth in self-referrals from {town} and the surrounding rural divisions.",
            "The Domestic Abuse Incident Log recorded {big} incidents in {fy}. Children were present or normally resident in just over half of the households concerned.",
            "Refuge provision has been increased by {n} units, including two units designed for victims with disabilities and one for larger families.",
            "The Partnership Board has agreed three priorities for the coming year: earlier identification in health settings, support for children as victims in their own right, and programmes which challenge perpetrators' behaviour.",
        ),
        narrative=(
            "The Select Committee received an update on the first year of the integrated domestic abuse service. Demand had risen by {pct}% compared with the previous contract, which partners attributed in part to greater public awareness and in part to better recording.",
            "Members heard that the new service model placed children's needs at the centre of safety planning and that the Police had strengthened their training, with children central to that training.",
            "Members asked whether refuge capacity was sufficient and were informed that, whilst occupancy remained high, no eligible victim had been turned away during the year; where a local place was not available, a place was found out of county.",
        ),
        resolutions=(
            "the progress made in the first year of the contract be welcomed",
            "figures on repeat referrals, broken down by district, be forwarded to Members",
            "a further report be brought to the Committee in twelve months' time",
        ),
        appendices=("Appendix A - Domestic Abuse Service Performance Dashboard {fy}",),
        outcome="Members welcomed the progress made and asked for repeat referral figures by district.",
    ),
    Topic(
        key="dhr",
        areas=("safeguarding",),
        title="Domestic Homicide Reviews and Emerging Themes",
        portfolio="communities",
        officer="community_safety",
        summary="This covering report and the analysis attached as Appendix A summarise the findings from Domestic Homicide Reviews and Multi-Agency Learning Reviews completed across {county}. The Committee is asked to note the findings.",
        body=(
            "A Domestic Homicide Review (DHR) is a multi-agency review of the circumstances in which the death of a person aged 16 or over has, or appears to have, resulted from violence, abuse or neglect by a person to whom they were related or with whom they were, or had been, in an intimate personal relationship.",
            "It is the responsibility of the local Community Safety Partnership for the area in which the victim lived to conduct the DHR and to satisfy itself that any recommendations arising have been implemented.",
            "The analysis covers {n} reviews cleared for publication by the Home Office Quality Assurance Panel together with the Multi-Agency Learning Reviews undertaken in {county} over the same period.",
            "Common themes include the prevalence of mental ill health and substance misuse, missed opportunities to ask about abuse in health settings, and the isolation of older victims in rural areas.",
        ),
        narrative=(
            "The Select Committee were informed that a Domestic Homicide Review was a multi-agency review of the circumstances around the death of an individual aged 16 years or older where this had, or appeared to have, resulted from violence, abuse or neglect by a person to whom they were related or with whom they had been in an intimate relationship.",
            "Members had some concerns over the thoroughness of a review where this was completed by the agency itself. They were informed that each agency's review was undertaken by an individual who had not been involved in the case and who had no line management responsibility for those staff involved.",
            "Members heard that the cases were spread across the county, with no hot spot areas of particular concern.",
        ),
        resolutions=(
            "the learning from reviews and the way in which this learning is used be supported",
            "a summary of the action plans arising from reviews in {town} be forwarded to Members",
        ),
        appendices=(
            "Appendix A - Summary of Key Findings from an Analysis of Domestic Homicide Reviews in {county}",
        ),
        outcome="Members supported the way learning from reviews is used and asked for a summary of local action plans.",
    ),
    Topic(
        key="prevent",
        areas=("safeguarding",),
        title="Prevent",
        portfolio="communities",
        officer="community_safety",
        summary="This report updates the Select Committee on the local implementation of the Prevent Duty, the work of the multi-agency Prevent Board and the Channel Panel.",
        body=(
            "In {county} the implementation of Prevent is overseen by a multi-agency Prevent Board, chaired by the Assistant Director for Community Safety. The Board reports into the {county} Contest Board, which oversees all of the counter-terrorism strands of activity and is chaired by {county} Police.",
            "A refreshed Prevent Delivery Plan was presented to the Prevent Board in October. The Plan has been reviewed and updated to reflect the national Contest Strategy and the recommendations of the Counter-Terrorism Local Profile.",
            "In the annual audit of schools' safeguarding arrangements, {pct}% of schools confirmed that they had actioned all of the requirements of the Prevent Duty.",
            "The Channel Panel has been in place since April 2015. It is made up of a small core group, including adult and child safeguarding, education, youth justice, health and community safety.",
        ),
        narrative=(
            "Members received details of school responses to the specific Prevent related questions included in the mandatory audit of schools. Follow-up action would be taken with those schools who had not responded to ensure they were aware of and addressing their Prevent responsibilities.",
            "Members raised the issue of online safety and shared their concerns over how radicalisation could be prevented online. They were informed that this was part of a broader safeguarding agenda looking at child exploitation, gangs and radicalisation.",
        ),
        resolutions=(
            "the ongoing work around the implementation of Prevent be noted",
            "an update report be brought in 12 months' time outlining the progress and developments made around Prevent in {county}",
        ),
        annual=True,
        outcome="Members noted the ongoing work and asked for an update in 12 months.",
    ),
    Topic(
        key="exploitation",
        areas=("safeguarding", "children"),
        title="Child Exploitation and Missing Children in {county}",
        portfolio="children",
        officer="safeguarding",
        summary="The Committee has requested a six monthly update on child exploitation. This report updates Members on the exploitation action plan, the transition arrangements for vulnerable adolescents and the return home interview service for missing children.",
        body=(
            "Ways of working have developed to address new types of exploitation, including county lines and criminal exploitation, alongside child sexual exploitation.",
            "There were {big} missing episodes in {fy}, involving {n}0 individual children. Return home interviews were offered in {pct}% of cases within 72 hours.",
            "A benchmarking tool looking at the multi-agency approach to safeguarding 16 to 18 year olds has been sent to frontline professionals, and a position statement on transition will follow.",
        ),
        narrative=(
            "The Select Committee regularly received updates on child exploitation. This report updated Members on the exploitation action plan, the work of the joint strategic coordinator, and changes implemented following revised Working Together guidance.",
            "A review of transition arrangements had been undertaken for children affected by exploitation. Many vulnerable young people who had received services up to their 18th birthday did not fit the Care Act criteria and therefore, whilst being no less vulnerable, would not qualify for services after their 18th birthday.",
            "Concerns were shared over possible inconsistency in the delivery of Personal, Social, Health and Economic (PSHE) education in schools. Work was ongoing to support a more consistent approach.",
        ),
        resolutions=(
            "the progress detailed in the report be welcomed",
            "consideration of preparation for adulthood and transition from children's to adult services be included on the work programme",
            "the awareness video produced with young people be shared with Members",
        ),
        outcome="Members welcomed the progress and asked that transition to adulthood be added to the work programme.",
    ),
    Topic(
        key="sab_annual",
        areas=("safeguarding",),
        title="{county} Safeguarding Adults Board Annual Report {prev_year}",
        portfolio="health",
        officer="adults",
        summary="The Safeguarding Adults Board is required by the Care Act 2014 to publish an annual report. The Committee is asked to consider the report and the Board's strategic priorities.",
        body=(
            "During {prev_year} there were {big} occasions when concerns were reported that adults with care and support needs may be at risk of, or were experiencing, abuse or neglect.",
            "Neglect continues to be the most prevalent factor leading to concerns being raised, followed by physical abuse. Financial abuse referrals are increasing and the Board believes this remains an under-reported category.",
            "The Board's strategic priorities for the coming year are financial abuse, self-neglect, and making safeguarding personal.",
        ),
        narrative=(
            "During the year there had been {big} occasions when concerns had been reported that adults with care and support needs may be at risk of abuse or neglect. Of those individuals subject to a Section 42 enquiry, those aged 85 to 94 represented the largest cohort.",
            "Members queried whether banks were involved in raising issues of potential financial abuse as they may be well placed to identify concerns, and were informed that banks had a duty to report fraudulent or unusual activity.",
            "The Select Committee queried whether the Board provided training for voluntary groups on abuse recognition. Whilst the Board was not funded to provide such training it had developed a free level 1 safeguarding package available on its website.",
        ),
        resolutions=(
            "That the Annual Report be received and the Board be congratulated on their report.",
        ),
        annual=True,
        appendices=("Appendix 1 - {county} Safeguarding Adults Board Annual Report {prev_year}",),
        outcome="Members received the Annual Report and congratulated the Board.",
    ),
    Topic(
        key="scp_annual",
        areas=("safeguarding", "children"),
        title="{county} Safeguarding Children Partnership Annual Report {prev_year}",
        portfolio="children",
        officer="safeguarding",
        summary="The Committee receives the Safeguarding Children Partnership's annual report each year. The report sets out the work undertaken by the partnership and the progress made against its priorities.",
        body=(
            "The statutory safeguarding partners are the County Council, {county} Police and the Integrated Care Board. Relevant agencies include schools, district councils, probation and the voluntary sector.",
            "There has been a {pct}% increase in the number of children placed on a Child Protection Plan for a second or subsequent time. The most common reasons are parental mental ill health and domestic abuse.",
            "The Partnership published {n} Child Safeguarding Practice Reviews during the year; the learning has been shared through briefings attended by {big} practitioners.",
        ),
        narrative=(
            "The Select Committee received the annual report of the Safeguarding Children Partnership, setting out the work undertaken and the progress made by the partnership during the year.",
            "The Committee noted that the partnership budget was derived from contributions from a number of partners. There was no funding formula as such, with contributions being historic; the statutory partners had agreed to review this.",
            "The high level of fixed term exclusions was raised by Members. Work was ongoing with schools and the District Inclusion Partnerships to help address this.",
        ),
        resolutions=(
            "the Independent Scrutineer and Members of the Partnership be congratulated on their Annual Report",
            "current child protection figures for children placed on a plan for a second or subsequent time be forwarded to Members",
        ),
        annual=True,
        outcome="Members congratulated the Partnership and asked for current child protection figures.",
    ),
    Topic(
        key="youth_justice",
        areas=("safeguarding", "children"),
        title="Youth Justice Service Review",
        portfolio="children",
        officer="children",
        summary="This report sets out the outcome of the review of the {county} Youth Justice Service, undertaken to reflect both the changing landscape of the youth justice system and decreasing caseloads.",
        body=(
            "The Youth Justice System was established by Section 37 of the Crime and Disorder Act 1998 in order to prevent offending and reoffending by children and young people aged 10 to 17.",
            "The number of children entering the youth justice system for the first time fell by {pct}% over three years, in line with national trends.",
            "The revised structure removes a layer of management and reduces the overall number of management posts, contributing {money} to the Medium Term Financial Strategy.",
        ),
        narrative=(
            "Cabinet had requested a review of the Youth Justice Service to reflect both the changing landscape of the youth justice system and decreasing caseloads. Members received details of the revised staff structure, which removed a layer of management.",
            "Members heard that when compared with other services, {county} still had some flexibility within the system and that case loads should remain manageable. The changes would be reviewed after six months.",
            "Members asked for a brief description of the role of each job title within the new structure, and a note would be forwarded after the meeting.",
        ),
        resolutions=(
            "the actions completed to achieve the MTFS savings be noted",
            "the reasons for the review be understood",
            "a briefing note identifying the role of each post within the new structure be forwarded to Members",
            "details of the outcome of the six month review be brought to a future meeting",
        ),
        appendices=(
            "Appendix A - Youth Justice Service Previous Structure",
            "Appendix B - Youth Justice Service New Structure",
        ),
    ),
    Topic(
        key="trading_standards",
        areas=("safeguarding", "prosperity"),
        title="Trading Standards, Rogue Traders and Doorstep Crime",
        portfolio="communities",
        officer="community_safety",
        summary="At their last consideration of this issue Members requested a further report in 12 months to update them on the work of the service in protecting vulnerable residents from scams and doorstep crime.",
        body=(
            "The service received {big} complaints and requests for help during {fy}. Doorstep crime and scams continue to target older and vulnerable residents, with average losses of {money} per victim where money was taken.",
            "{n} No Cold Calling Zones are now in place across the county, most recently in {town}.",
            "The service works with banks through the Banking Protocol, which has prevented an estimated {money} of losses this year.",
        ),
        narrative=(
            "Members received an update on the work of Trading Standards in tackling rogue traders and doorstep crime. The Banking Protocol had prevented significant losses, with bank staff trained to recognise when a customer may be acting under pressure.",
            "Members asked how residents could request a No Cold Calling Zone and were informed that requests could come through the local member, parish council or residents' association.",
        ),
        resolutions=(
            "That the report be noted and the work of the Trading Standards service be commended.",
        ),
        outcome="Members commended the service's work and asked for details of how to request a No Cold Calling Zone.",
    ),
    # --- Children and families -------------------------------------------------------------
    Topic(
        key="send",
        areas=("children",),
        title="Special Educational Needs and Disabilities (SEND): Progress against the Written Statement of Action",
        portfolio="learning",
        officer="education",
        summary="This report updates the Committee on progress against the SEND Written Statement of Action following the joint Ofsted and Care Quality Commission inspection, including timeliness of Education, Health and Care Plans.",
        body=(
            "There were {big} children and young people with an Education, Health and Care Plan (EHCP) maintained by the County Council in January, an increase of {pct}% on the previous year.",
            "{pct}% of new plans were issued within the statutory 20 week timescale, compared with a national average of 50%.",
            "The high needs block of the Dedicated Schools Grant is forecast to overspend by {money} this year, and the cumulative deficit is addressed through the Safety Valve agreement with the Department for Education.",
        ),
        narrative=(
            "The Committee received an update on progress against the SEND Written Statement of Action. Timeliness of new Education, Health and Care Plans had improved, although Members noted that demand continued to grow faster than capacity.",
            "Members asked about the availability of specialist school places in the west of the county and heard that a new special free school in {town} was expected to open in September.",
            "Members shared concerns raised by parents about communication and the time taken to respond to e-mails; the Cabinet Member accepted that this had not been good enough and set out the steps being taken.",
        ),
        resolutions=(
            "the progress made against the Written Statement of Action be noted",
            "the Committee's concerns about communication with families be passed to the Cabinet Member",
            "a further update be received before the monitoring visit",
        ),
        appendices=("Appendix 1 - SEND Written Statement of Action: Progress Dashboard",),
    ),
    Topic(
        key="ofsted_ilacs",
        areas=("children",),
        title="Ofsted Inspection of Local Authority Children's Services: Action Plan",
        portfolio="children",
        officer="children",
        summary="This report presents the action plan prepared in response to the Ofsted inspection of local authority children's services and invites the Committee to consider how it will monitor progress.",
        body=(
            "The inspection judged services to be good overall, with the experiences and progress of children in care judged to require improvement.",
            "The action plan addresses the three areas for improvement identified by inspectors: the quality of supervision, the sufficiency of local placements, and the timeliness of assessments for care leavers.",
        ),
        narrative=(
            "The Committee received the action plan prepared following the Ofsted inspection. Members congratulated staff on the overall judgement and asked how the areas requiring improvement would be monitored.",
            "Members heard that the Children and Families Improvement Board would receive monthly progress reports and that the Committee would be kept informed through quarterly performance reports.",
        ),
        resolutions=(
            "staff be congratulated on the outcome of the inspection",
            "the action plan be endorsed and progress reported to the Committee every six months",
        ),
        appendices=(
            "Appendix A - Ofsted Inspection Report",
            "Appendix B - Post-Inspection Action Plan",
        ),
    ),
    Topic(
        key="sufficiency",
        areas=("children",),
        title="Placement Sufficiency Strategy for Children in Care",
        portfolio="children",
        officer="children",
        summary="The County Council has a duty to secure sufficient accommodation for children in care. This report sets out the draft Sufficiency Strategy for consultation.",
        body=(
            "There are {big} children in the care of the County Council. The proportion placed with in-house foster carers has fallen to {pct}%, while the number in residential placements has grown.",
            "The average weekly cost of an external residential placement is now {money}, and the strategy proposes opening {n} new council-run children's homes over three years.",
        ),
        narrative=(
            "Members considered the draft Sufficiency Strategy. They noted that the cost of external residential placements had grown sharply and supported the proposal to open new council-run children's homes.",
            "Members asked what was being done to recruit foster carers and were informed that a new recruitment campaign, including a council tax discount for foster carers, would launch in the spring.",
        ),
        resolutions=(
            "the draft Sufficiency Strategy be supported",
            "the Committee's comments on foster carer recruitment be considered by the Cabinet Member",
        ),
    ),
    Topic(
        key="ehe",
        areas=("children",),
        title="Elective Home Education",
        portfolio="learning",
        officer="education",
        summary="Following a referral from the Corporate Parenting Panel, this report updates Members on the number of children electively home educated and the safeguarding arrangements in place.",
        body=(
            "There are {big} children known to be electively home educated in {county}, an increase of {pct}% in two years.",
            "The County Council has no power to enter the home or to see the child, and the continued lack of regulation remains a concern for safeguarding partners.",
        ),
        narrative=(
            "Members heard that the number of children electively home educated had risen sharply. The continued lack of regulation was raised, together with the issues this could create around safeguarding.",
            "Members were informed that where safeguarding issues came to light they would be investigated as any other.",
        ),
        resolutions=(
            "the report be noted",
            "the Chair write to the Secretary of State supporting a statutory register of children not in school",
        ),
    ),
    Topic(
        key="early_help",
        areas=("children", "safeguarding"),
        title="Early Help and Family Support: Twelve Month Update",
        portfolio="children",
        officer="children",
        summary="At their meeting a year ago Members asked for details of progress made with early help and family support. This report provides that update, including the Family Hubs programme.",
        body=(
            "{n} Family Hubs are now open, including new hubs in {town} and Budmouth. They bring together early help, health visiting, and children's centre services.",
            "The Supporting Families programme worked with {big} families in {fy}, achieving sustained improvement for {pct}% of them.",
        ),
        narrative=(
            "Members received an update on early help and family support. The Family Hubs programme had brought health visiting and early help services together under one roof in most market towns.",
            "Members asked about families who did not meet the threshold for statutory services and were informed that the District Early Help Partnerships were the route for those families.",
        ),
        resolutions=("That the progress made with early help and family support be noted.",),
        subitems=(
            (
                "0-19 Health Visiting Contract",
                "Presentation by the Lead Manager, Children's Services, Wessex Community Health NHS Trust",
            ),
        ),
    ),
    Topic(
        key="school_places",
        areas=("children",),
        title="School Place Planning and Admissions",
        portfolio="learning",
        officer="education",
        summary="This report sets out the demand for school places over the next five years and the County Council's plans to meet it, including the effect of housing growth.",
        body=(
            "Demand for secondary places is forecast to peak in {fy} plus three years, with the greatest pressure in {town} where {big} new homes are planned.",
            "{pct}% of families were offered their first preference primary school this year.",
        ),
        narrative=(
            "Members considered the forecast demand for school places. The greatest pressure was in {town}, where new housing would require an additional form of entry at secondary level.",
            "Members asked how developer contributions were secured and heard that the County Council sought education contributions through section 106 agreements on all significant developments.",
        ),
        resolutions=("That the report be noted.",),
    ),
    # --- Prosperity: economy, highways, environment --------------------------------------------
    Topic(
        key="highways",
        areas=("prosperity", "cabinet"),
        title="Highways Maintenance: Condition of the Network and the Pothole Action Plan",
        portfolio="highways",
        officer="highways",
        summary="This report sets out the condition of the county's road network, the progress of the pothole action plan and the proposed highways capital programme.",
        body=(
            "The County Council is responsible for {big} miles of road. Condition surveys show that {pct}% of the unclassified network should be considered for maintenance.",
            "{big} potholes were repaired in {fy}, {pct}% of them within the target time. Find and fix gangs are now operating in every district.",
            "The Department for Transport's additional maintenance grant of {money} will be used for surface dressing and patching in advance of the winter.",
        ),
        narrative=(
            "Members received a report on the condition of the highway network. Members from rural divisions raised the condition of unclassified roads and the number of repeat repairs.",
            "Members heard that repairs were now being made with a first time permanent fix wherever possible, and that the number of repeat repairs had fallen.",
            "Members asked that local members be told in advance of works in their divisions, and the Cabinet Member agreed to look into this.",
        ),
        resolutions=(
            "the report be noted",
            "local members be informed in advance of planned highway works in their divisions",
        ),
        recommendation="That the Select Committee considers the report and comments on the proposed highways capital programme.",
        strategic="Good roads support the Strategic Plan priority that {county}'s economy will be prosperous, with good jobs and well connected communities.",
        appendices=("Appendix 1 - Highways Capital Programme {fy}",),
    ),
    Topic(
        key="buses",
        areas=("prosperity", "cabinet"),
        title="Bus Service Improvement Plan",
        portfolio="highways",
        officer="highways",
        summary="This report sets out progress with the Bus Service Improvement Plan, the enhanced partnership with operators and the position of supported rural services.",
        body=(
            "Bus patronage has recovered to {pct}% of pre-pandemic levels. The £2 fare cap has been well used, particularly on inter-urban routes between {town} and Casterbridge.",
            "{n} supported rural services are at risk when the current contracts end, and the report sets out the options for demand responsive transport.",
        ),
        narrative=(
            "Members considered the Bus Service Improvement Plan. They welcomed the recovery in patronage but expressed concern about the future of supported rural services.",
            "Members were informed that demand responsive transport had been piloted around {town} with encouraging results and would be evaluated before any wider roll out.",
        ),
        resolutions=(
            "the progress with the Bus Service Improvement Plan be noted",
            "the evaluation of the demand responsive transport pilot be brought to the Committee",
        ),
        strategic="The plan supports the Strategic Plan priority that {county}'s economy will be prosperous and its communities well connected.",
    ),
    Topic(
        key="skills",
        areas=("prosperity",),
        title="Adult Skills and Apprenticeships",
        portfolio="economy",
        officer="economy",
        summary="This report updates the Committee on adult skills provision, the apprenticeship levy and the work of the {county} Skills Board.",
        body=(
            "{big} residents enrolled on adult learning courses in {fy}. The County Council transferred {money} of unspent apprenticeship levy to small employers in the supply chain.",
            "Employers report shortages in construction, engineering and care, and the Skills Board has prioritised these sectors.",
        ),
        narrative=(
            "Members received an update on adult skills and apprenticeships. They welcomed the transfer of unspent levy to small employers and asked how many apprentices the County Council itself employed.",
        ),
        resolutions=("That the report be noted and the work of the Skills Board be supported.",),
        strategic="The work supports the Strategic Plan priority that people in {county} will have the skills they need to access good jobs.",
    ),
    Topic(
        key="flooding",
        areas=("prosperity",),
        title="Flood Risk Management: Response to the Winter Flooding",
        portfolio="highways",
        officer="highways",
        summary="Following the flooding in {town} last winter, this report reviews the County Council's response as Lead Local Flood Authority and the actions taken since.",
        body=(
            "{n}0 properties were flooded internally during the storms, most of them in {town} and the villages of the Stour valley.",
            "Section 19 flood investigations have been completed for each affected community, and {n} property flood resilience grants have been awarded.",
        ),
        narrative=(
            "Members considered the response to the winter flooding. Local members paid tribute to the work of highways crews and the emergency services during the storms.",
            "Members asked about the maintenance of ordinary watercourses and were reminded that riparian owners were responsible for them, although the County Council could take enforcement action.",
        ),
        resolutions=(
            "the response to the flooding be noted and staff thanked for their work",
            "a list of outstanding Section 19 actions be forwarded to local members",
        ),
    ),
    Topic(
        key="broadband",
        areas=("prosperity",),
        title="Superfast Wessex: Digital Connectivity Update",
        portfolio="economy",
        officer="economy",
        summary="This report updates Members on gigabit broadband coverage, Project Gigabit procurement and mobile coverage in rural areas.",
        body=(
            "Gigabit-capable broadband is now available to {pct}% of premises. {big} premises remain without a superfast connection, almost all of them in rural divisions.",
        ),
        narrative=(
            "Members received an update on digital connectivity. Members from rural divisions described continuing difficulties and asked that the remaining premises be prioritised.",
        ),
        resolutions=("That the report be noted.",),
    ),
    # --- Corporate scrutiny and Cabinet -------------------------------------------------
    Topic(
        key="budget_monitoring",
        areas=("corporate", "cabinet"),
        title="Integrated Performance Report: Quarter {quarter} {fy}",
        portfolio="finance",
        officer="finance",
        summary="This report provides an overview of the County Council's financial and non-financial performance at the end of quarter {quarter}, including the revenue forecast, the capital programme and progress against the Strategic Plan.",
        body=(
            "The latest revenue forecast outturn shows an overspend of {money} ({pct}% of the net budget), mainly in children's placements and home to school transport for children with SEND.",
            "The capital programme forecast is {money} below budget, largely because of slippage in the highways and schools programmes.",
            "Of the {n}0 performance measures reported, the majority are on track. Those off track include timeliness of Education, Health and Care Plans and the number of children in care placed with in-house foster carers.",
        ),
        narrative=(
            "The Committee considered the integrated performance report. The forecast overspend was driven mainly by children's placements and home to school transport.",
            "Members asked what mitigating actions were being taken and were informed that a spending control panel had been established and that all directorates had been asked to identify in-year savings.",
        ),
        resolutions=(
            "the forecast financial position be noted",
            "the mitigating actions being taken to reduce the forecast overspend be supported",
        ),
        recommendation="That the Committee considers the performance and financial position and agrees any areas it wishes to scrutinise further.",
        strategic="The report sets out progress against all of the priorities of the Strategic Plan.",
        appendices=("Appendix 1 - Financial Health Indicators", "Appendix 2 - Corporate Checklist"),
    ),
    Topic(
        key="mtfs",
        areas=("corporate", "cabinet"),
        title="Medium Term Financial Strategy {fy_next} - {mtfs_end}",
        portfolio="finance",
        officer="finance",
        summary="This report sets out the draft Medium Term Financial Strategy and the budget proposals for consultation, including the proposed level of council tax.",
        body=(
            "The strategy assumes a council tax increase of 4.99%, including 2% for the adult social care precept, and identifies savings of {money} over the period.",
            "The Section 151 Officer's assessment is that reserves remain adequate, but that the Council's financial position depends on the outcome of the national funding review.",
        ),
        narrative=(
            "The Committee scrutinised the draft Medium Term Financial Strategy. Members focused on the savings proposals described as having no impact on services and asked how that had been assessed.",
            "Members heard that each proposal had been subject to a community impact assessment, and that the Committee would be able to test the no-impact claims as part of its work programme.",
        ),
        resolutions=(
            "the Committee's comments on the draft strategy be submitted to Cabinet",
            "the savings proposals described as having no impact be added to the work programme",
        ),
        appendices=(
            "Appendix A - Revenue Budget Summary",
            "Appendix B - Savings Proposals",
            "Appendix C - Capital Strategy",
        ),
    ),
    Topic(
        key="customer",
        areas=("corporate",),
        title="Customer Access and Complaints Annual Report {prev_year}",
        portfolio="finance",
        officer="corporate",
        summary="This report sets out the complaints and compliments received in {prev_year}, the Local Government and Social Care Ombudsman's annual letter and the performance of the customer contact centre.",
        body=(
            "The County Council received {big} complaints in {prev_year}, of which {pct}% were upheld in full or in part. The largest number related to highways and to SEND.",
            "The Ombudsman upheld {n} complaints, and in each case the Council complied with the recommended remedy.",
        ),
        narrative=(
            "Members considered the annual complaints report. They noted the number of SEND complaints and asked how learning from complaints was fed back to services.",
        ),
        resolutions=("That the Annual Report be noted.",),
        annual=True,
    ),
    # --- Audit ------------------------------------------------------------------------
    Topic(
        key="internal_audit",
        areas=("audit",),
        title="Internal Audit Progress Report",
        portfolio="finance",
        officer="audit",
        summary="This report summarises the work of Internal Audit since the last meeting, including limited assurance opinions and the follow up of agreed actions.",
        body=(
            "{n} audits have been completed since the last meeting. Two received a limited assurance opinion: purchasing cards and school transport contract management.",
            "{pct}% of high priority actions due by the end of the quarter have been implemented.",
        ),
        narrative=(
            "The Committee received the Internal Audit progress report. Members asked managers to attend the next meeting to explain the actions being taken on the two limited assurance reports.",
        ),
        resolutions=(
            "the report be noted",
            "the managers responsible for the limited assurance areas be invited to the next meeting",
        ),
        recommendation="That the Committee notes the progress made against the Internal Audit Plan.",
        strategic="Effective internal control supports delivery of every priority in the Strategic Plan.",
    ),
    Topic(
        key="external_audit",
        areas=("audit",),
        title="External Auditor's Annual Report and Value for Money Opinion",
        portfolio="finance",
        officer="finance",
        summary="The external auditor presents their annual report, including their value for money commentary on financial sustainability, governance and economy, efficiency and effectiveness.",
        body=(
            "The auditor has identified no significant weaknesses in arrangements, but has made {n} improvement recommendations, including on the governance of the SEND high needs deficit.",
        ),
        narrative=(
            "The Committee received the external auditor's annual report. Members noted that no significant weaknesses had been identified and discussed the improvement recommendations.",
        ),
        resolutions=("That the External Auditor's Annual Report be received.",),
        recommendation="That the Committee receives the External Auditor's Annual Report.",
        strategic="Effective internal control supports delivery of every priority in the Strategic Plan.",
    ),
    Topic(
        key="risk",
        areas=("audit", "corporate"),
        title="Strategic Risk Register",
        portfolio="finance",
        officer="audit",
        summary="This report presents the Strategic Risk Register and invites the Committee to consider whether the risks are being managed effectively.",
        body=(
            "The register contains {n} strategic risks. The highest scoring remain the financial sustainability of the Council, the cost of children's placements, and cyber security.",
        ),
        narrative=(
            "Members considered the Strategic Risk Register. They asked whether the risk around recruitment of social workers was scored high enough and were informed it would be reviewed at the next quarterly update.",
        ),
        resolutions=("That the Strategic Risk Register be noted.",),
        recommendation="That the Committee considers the Strategic Risk Register.",
        strategic="Effective risk management supports delivery of every priority in the Strategic Plan.",
    ),
    Topic(
        key="fraud",
        areas=("audit",),
        title="Counter Fraud Annual Report",
        portfolio="finance",
        officer="audit",
        summary="This report summarises counter fraud activity during the year, including the National Fraud Initiative.",
        body=(
            "The National Fraud Initiative matches resulted in recoveries of {money}, mainly from single person discount and blue badge misuse.",
        ),
        narrative=(
            "The Committee received the Counter Fraud Annual Report and noted the recoveries made as a result of the National Fraud Initiative.",
        ),
        resolutions=("That the Counter Fraud Annual Report be noted.",),
        annual=True,
        recommendation="That the Committee notes the Counter Fraud Annual Report.",
        strategic="Effective internal control supports delivery of every priority in the Strategic Plan.",
    ),
    Topic(
        key="accounts",
        areas=("audit",),
        title="Statement of Accounts {prev_fy} and Annual Governance Statement",
        portfolio="finance",
        officer="finance",
        summary="The Committee is asked to approve the audited Statement of Accounts and the Annual Governance Statement.",
        body=(
            "The auditor expects to issue an unqualified opinion. {n} adjustments were made to the draft accounts, none of which affects the General Fund balance.",
        ),
        narrative=(
            "The Committee considered the audited Statement of Accounts and the Annual Governance Statement. The Director of Finance thanked the finance team for closing the accounts within the statutory timetable.",
        ),
        resolutions=(
            "the Statement of Accounts be approved",
            "the Annual Governance Statement be approved for signature by the Leader and the Chief Executive",
        ),
        annual=True,
        recommendation="That the Committee approves the Statement of Accounts and the Annual Governance Statement.",
        strategic="Effective internal control supports delivery of every priority in the Strategic Plan.",
    ),
    # --- Cabinet key decisions ----------------------------------------------------------
    Topic(
        key="libraries",
        areas=("cabinet", "corporate"),
        title="Future of the Library Service: Community Managed Libraries",
        portfolio="communities",
        officer="community_safety",
        summary="This report seeks approval to transfer {n} libraries to community management following public consultation.",
        body=(
            "The consultation received {big} responses. Community groups have come forward in {town} and four other towns to run their library with County Council support.",
        ),
        narrative=(
            "Cabinet considered the outcome of the library consultation. The Cabinet Member thanked the community groups who had come forward and confirmed that no library would close.",
        ),
        resolutions=(
            "the transfer of the libraries named in the report to community management be approved",
            "authority be delegated to the Director of Corporate Services to agree the terms of the transfers",
        ),
        recommendation="That Cabinet approves the transfer of the libraries named in the report to community management.",
    ),
    Topic(
        key="care_market",
        areas=("cabinet", "safeguarding"),
        title="Home Care Market Sustainability and Fee Rates {fy_next}",
        portfolio="health",
        officer="adults",
        summary="This report proposes fee rates for home care and care homes for {fy_next} and sets out the actions in the market sustainability plan.",
        body=(
            "The proposed increase in the home care hourly rate is {pct}%, reflecting the National Living Wage. Unmet need for home care has fallen to {n}0 hours a week.",
        ),
        narrative=(
            "Cabinet considered the proposed fee rates for the care market. The Cabinet Member noted that unmet need for home care had fallen to its lowest level for five years.",
        ),
        resolutions=("That the fee rates set out in the report be approved.",),
        recommendation="That Cabinet approves the fee rates set out in the report.",
    ),
)

# Part Two business. Titles are public; everything else about them is exempt.
EXEMPT_TOPICS: tuple[dict, ...] = (
    {
        "key": "land_disposal",
        "areas": ("cabinet",),
        "title": "Disposal of Surplus Land at {town} Business Park",
        "paragraphs": (3,),
        "portfolio": "finance",
        "officer": "corporate",
        "summary": "This report seeks approval to dispose of surplus land to the preferred bidder at the price and on the terms set out in the report.",
        "body": "Three bids were received. The preferred bidder has offered {money}, which exceeds the independent valuation; the other bids and the bidders' identities are commercially sensitive.",
        "narrative": "Cabinet considered the bids received for the surplus land, the independent valuation and the proposed terms of sale.",
        "resolutions": (
            "the disposal to the preferred bidder on the terms set out in the report be approved",
            "authority be delegated to the Director of Corporate Services to complete the sale",
        ),
    },
    {
        "key": "case_review",
        "areas": ("safeguarding", "children"),
        "title": "Learning from a Child Safeguarding Practice Review",
        "paragraphs": (1, 2),
        "portfolio": "children",
        "officer": "safeguarding",
        "summary": "This report summarises a Child Safeguarding Practice Review that has not yet been published and the actions agreed by partners.",
        "body": "The review concerns a child known to several agencies. It identifies missed opportunities to share information between health visiting and early help, and sets out the actions agreed by the statutory partners.",
        "narrative": "Members received details of an unpublished Child Safeguarding Practice Review, the circumstances of the family concerned and the actions agreed by partners.",
        "resolutions": (
            "the learning from the review and the partners' action plan be noted",
            "the Committee receive the published review when the family has been consulted",
        ),
    },
    {
        "key": "dols",
        "areas": ("safeguarding",),
        "title": "Deprivation of Liberty Safeguards: Legal Position",
        "paragraphs": (5,),
        "portfolio": "health",
        "officer": "legal",
        "summary": "This briefing sets out legal advice on the County Council's position on the backlog of Deprivation of Liberty Safeguards assessments.",
        "body": "Counsel's advice on the Council's exposure to claims arising from the backlog of assessments, and the options for reducing it, are set out in full.",
        "narrative": "Members received a briefing from the Cabinet Member on the legal advice about the Deprivation of Liberty Safeguards backlog and the Council's exposure to claims.",
        "resolutions": ("That the Cabinet Member's approach be supported.",),
    },
    {
        "key": "investigation",
        "areas": ("audit",),
        "title": "Internal Audit Special Investigation",
        "paragraphs": (1, 7),
        "portfolio": "finance",
        "officer": "audit",
        "summary": "This report sets out the findings of a special investigation into irregular purchasing card transactions in one service area.",
        "body": "The investigation found transactions of {money} that were not for council business. The matter has been referred to the Police and disciplinary proceedings are underway.",
        "narrative": "The Committee received the findings of the special investigation, the referral to the Police and the disciplinary action being taken.",
        "resolutions": (
            "the findings of the investigation be noted",
            "the Chief Internal Auditor report the outcome of the Police investigation to a future meeting",
        ),
    },
    {
        "key": "restructure",
        "areas": ("corporate", "prosperity"),
        "title": "Highways Service Restructure: Consultation with Trade Unions",
        "paragraphs": (4,),
        "portfolio": "highways",
        "officer": "highways",
        "summary": "This report sets out the proposed restructure of the highways service and the position reached in consultation with the recognised trade unions.",
        "body": "The proposals would reduce the number of posts by {n}. The unions' counter-proposals and the management response are set out in Appendix 1.",
        "narrative": "Members considered the proposed restructure and the position reached in consultation with the trade unions, including the unions' counter-proposals.",
        "resolutions": ("That the position reached in consultation be noted.",),
    },
)

# What a full council meeting carries besides reports. (title, resolution)
COUNCIL_ITEMS = (
    ("Chairman's Announcements", None),
    ("Questions from Members of the Public", None),
    ("Leader's Statement", None),
    ("Report of the Cabinet", "That the report of the Cabinet be received."),
    ("Questions to Cabinet Members", None),
    ("Report of the Audit and Standards Committee", "That the report be received."),
    ("Notice of Motion: Rural Bus Services", "That the motion be carried."),
    ("Notice of Motion: Climate Emergency Action Plan", "That the motion, as amended, be carried."),
    (
        "Appointments to Committees and Outside Bodies",
        "That the changes to the membership of committees set out in the report be approved.",
    ),
    ("Treasury Management Strategy", "That the Treasury Management Strategy be approved."),
    (
        "Annual Report of the Overview and Scrutiny Committees",
        "That the annual report be received.",
    ),
)
ANNUAL_MEETING_ITEMS = (
    (
        "Election of Chairman of the Council for {year}",
        "That {chair} be elected Chairman of the Council for {year}.",
    ),
    (
        "Appointment of Vice-Chairman of the Council for {year}",
        "That {vice} be appointed Vice-Chairman of the Council for {year}.",
    ),
    (
        "Election of the Leader of the Council",
        "That {leader} be elected Leader of the Council for a term of one year.",
    ),
    (
        "Appointment of Committees and Allocation of Seats to Political Groups",
        "That the committees, their terms of reference and the allocation of seats to political groups be approved.",
    ),
    ("Calendar of Meetings {year}", "That the calendar of meetings be approved."),
)
BUDGET_ITEM = (
    "Budget and Council Tax {fy_next}",
    (
        "the revenue budget for {fy_next} be approved",
        "a council tax increase of 4.99%, including 2% for the adult social care precept, be approved",
        "the capital programme and Treasury Management Strategy be approved",
    ),
)
SPECIAL_ITEM = (
    "Local Government Reorganisation: Proposal to Government",
    (
        "the proposal for a single unitary council for {county} be approved for submission to Government",
        "the Leader be authorised to make any final amendments in consultation with the group leaders",
    ),
)

# Scrutiny reviews: (title, portfolio, group, method, recommendations to the Cabinet Member).
REVIEW_TOPICS = (
    (
        "Edge of Care Inquiry",
        "children",
        "Inquiry Group",
        "inquiry",
        (
            "That the Cabinet Member ensures that every family referred to the Edge of Care service is offered a first visit within five working days.",
            "That the Family Group Conference service be extended to weekends and evenings.",
            "That partners be asked to agree a single information sharing protocol within six months.",
            "That the Committee receives a progress report on the implementation of these recommendations in six months' time.",
        ),
    ),
    (
        "Transition and Preparation for Adulthood",
        "children",
        "Working Group",
        "working_group",
        (
            "That the Cabinet Member ensures that a named lead officer is responsible for the transition of every young person known to children's social care from age 16.",
            "That the service reports the number of young people who meet the Care Act eligibility criteria at 18 alongside those who do not.",
            "That information for young people and families about preparing for adulthood be reviewed with them and published in plain English by the end of the year.",
            "That joint protocols be agreed between children's services and adult providers and commissioners.",
        ),
    ),
    (
        "Children's Centres: Four Years On",
        "children",
        "Working Group",
        "working_group",
        (
            "That Wi-Fi be provided in every Family Hub and Children's Centre.",
            "That local members be briefed twice a year on the use of the centres in their divisions.",
            "That the 0-19 Health Visiting contract be reported to the Committee after its first year.",
        ),
    ),
    (
        "Financial Abuse of Older People",
        "health",
        "Inquiry Group",
        "inquiry",
        (
            "That training on recognising financial abuse be offered to voluntary and community groups through the Safeguarding Adults Board's free package.",
            "That the Cabinet Member writes to the banks with branches in the county inviting them to sign up to the Banking Protocol partnership.",
            "That Trading Standards and adult social care agree a joint referral route for victims of scams.",
            "That the Committee receives a progress report on the implementation of these recommendations in six months' time.",
        ),
    ),
    (
        "Rural Bus Services",
        "highways",
        "Working Group",
        "working_group",
        (
            "That the evaluation of demand responsive transport include the views of passengers without internet access.",
            "That parish councils be consulted before any change to a supported service.",
            "That the Cabinet Member writes to Government setting out the Committee's concerns about the funding of rural bus services.",
        ),
    ),
    (
        "Elective Home Education Review",
        "learning",
        "Review Group",
        "working_group",
        (
            "That every family that elects to home educate be offered a visit within four weeks.",
            "That schools be reminded of the guidance on off-rolling and the Council's expectations.",
            "That the Chair writes to the Secretary of State supporting a statutory register of children not in school.",
        ),
    ),
    (
        "Procurement and Social Value",
        "finance",
        "Inquiry Group",
        "inquiry",
        (
            "That social value be weighted at no less than ten per cent in every tender over the procurement threshold.",
            "That a list of forthcoming contracts be published quarterly for small local suppliers.",
            "That the Committee receives a progress report on the implementation of these recommendations in six months' time.",
        ),
    ),
)
