package checklist

import (
	"slices"
	"strconv"

	"github.com/goedgesprek/goedgesprek/followup"
	"github.com/goedgesprek/goedgesprek/norm"
)

// The catalogue: the 14 items of the Goed gesprek checklist (seed 001,
// chapter 5) with their criteria, as Go literals. It is built once and
// never changed; Items, Criteria and the lookups hand out deep copies, so
// that no caller can change what the evaluator computes for another.

func src(n int) norm.Source {
	return norm.Source{Seed: "001", Section: "5, item " + strconv.Itoa(n)}
}

func opt(code, nl, en string, r Result) Option {
	return Option{Code: code, Label: norm.T(nl, en), Result: r}
}

func lst(code, nl, en string) Option { return Option{Code: code, Label: norm.T(nl, en)} }

func atLeast(met, partial float64) Rule {
	return Rule{Kind: RuleAtLeast, Threshold: Threshold{Met: met, Partial: partial}}
}

func count(met, partial float64) Rule {
	return Rule{Kind: RuleCount, Threshold: Threshold{Met: met, Partial: partial}}
}

var (
	ruleTrue  = Rule{Kind: RuleTrue}
	ruleGrade = Rule{Kind: RuleGrade}
)

// pl is shorthand for a list of principles.
func pl(ids ...norm.PrincipleID) []norm.PrincipleID { return ids }

// Shared option lists.
func alwaysSometimesNever() []Option {
	return []Option{
		opt("always", "altijd", "always", Met),
		opt("sometimes", "soms", "sometimes", PartiallyMet),
		opt("never", "nooit", "never", NotMet),
	}
}

func alwaysCaseByCaseNever() []Option {
	return []Option{
		opt("always", "altijd", "always", Met),
		opt("case_by_case", "per geval", "case by case", PartiallyMet),
		opt("never", "nooit", "never", NotMet),
	}
}

var catalogue = []*Item{
	{
		ID:          "GG01",
		Title:       norm.T("Alle medewerkers met klantcontact getraind", "Every client-facing employee trained"),
		Description: norm.T("Iedere medewerker die klanten spreekt volgt één gecombineerde training: informeel, inlevend en gericht op een oplossing in het contact, en stevig en duidelijk zodra een klant over de grens gaat of dreigt te gaan.", "Everyone who deals with clients follows one combined training: informal, empathic and focused on a solution in contact, and firm and clear as soon as a client crosses, or threatens to cross, a line."),
		Source:      src(1),
		Weight:      2,
		Criteria: []*Criterion{
			{
				ID:         "GG01-1",
				Question:   norm.T("Welk deel van de medewerkers met klantcontact heeft de gecombineerde training gevolgd?", "What share of client-facing employees has followed the combined training?"),
				Help:       norm.T("Tel iedereen die aan de balie, aan de telefoon, in de backoffice of bij hoorzittingen met klanten te maken heeft. Een percentage van 0 tot 100.", "Count everyone who deals with clients at the desk, by phone, in the back office or at hearings. A percentage from 0 to 100."),
				Type:       TypePercent,
				Weight:     2,
				Critical:   true,
				Evidence:   true,
				Principles: pl(norm.VPT4, norm.PC4),
				Rule:       atLeast(95, 50),
				Unit:       norm.T("getraind", "trained"),
				NextStep:   norm.T("Plan de gecombineerde training voor iedere medewerker met klantcontact die haar nog niet volgde, en leg de deelname vast.", "Schedule the combined training for every client-facing employee who has not yet followed it, and record attendance."),
			},
			{
				ID:       "GG01-2",
				Question: norm.T("Behandelt de training zowel dienstverlening (informeel, inlevend, oplossingsgericht) als weerbaarheid bij grensoverschrijdend gedrag?", "Does the training cover both service (informal, empathic, solution-focused) and assertiveness at boundary-crossing behaviour?"),
				Help:     norm.T("De kracht van de methode zit in de combinatie: een training over alleen een van beide telt half.", "The method draws its strength from the combination: a training about only one of the two counts for half."),
				Type:     TypeChoice,
				Options: []Option{
					opt("both", "beide", "both", Met),
					opt("service_only", "alleen dienstverlening", "service only", PartiallyMet),
					opt("safety_only", "alleen weerbaarheid", "assertiveness only", PartiallyMet),
					opt("none", "geen van beide", "neither", NotMet),
				},
				Weight:     1,
				Evidence:   true,
				Principles: pl(norm.VPT4, norm.PC4),
				Rule:       ruleGrade,
				NextStep:   norm.T("Voeg het ontbrekende deel toe aan de training, zodat dienstverlening en grenzen stellen samen worden geoefend.", "Add the missing part to the training, so that service and setting limits are practised together."),
			},
			{
				ID:       "GG01-3",
				Question: norm.T("Hoe snel na hun start volgen nieuwe medewerkers met klantcontact de training?", "How soon after starting do new client-facing employees follow the training?"),
				Help:     norm.T("Kies de termijn die voor vrijwel alle nieuwe medewerkers van het afgelopen jaar geldt.", "Choose the term that held for almost every new employee of the past year."),
				Type:     TypeChoice,
				Options: []Option{
					opt("within_6_months", "binnen 6 maanden", "within 6 months", Met),
					opt("within_12_months", "binnen 12 maanden", "within 12 months", PartiallyMet),
					opt("later_or_never", "later of niet", "later or not at all", NotMet),
				},
				Weight:     1,
				Principles: pl(norm.VPT4),
				Rule:       ruleGrade,
				NextStep:   norm.T("Neem de training op in het inwerkprogramma, zodat nieuwe medewerkers haar binnen zes maanden volgen.", "Make the training part of induction, so that new employees follow it within six months."),
			},
		},
	},
	{
		ID:          "GG02",
		Title:       norm.T("Leidinggevenden eerst getraind", "Managers trained first"),
		Description: norm.T("Wie leiding geeft aan medewerkers met klantcontact wordt als eerste getraind, kent de eigen rol bij een incident en steunt de medewerker daarna, zowel emotioneel als praktisch: hulp bij de aangifte, professionele nazorg regelen.", "Those who manage client-facing staff are trained first, know their own role at an incident and support the employee afterwards, emotionally and in practice: help with the police report, arranging professional aftercare."),
		Source:      src(2),
		Weight:      1,
		Criteria: []*Criterion{
			{
				ID:         "GG02-1",
				Question:   norm.T("Welk deel van de leidinggevenden van teams met klantcontact is getraind?", "What share of the managers of client-facing teams has been trained?"),
				Help:       norm.T("Een percentage van 0 tot 100 van alle leidinggevenden van deze teams.", "A percentage from 0 to 100 of all managers of these teams."),
				Type:       TypePercent,
				Weight:     1,
				Evidence:   true,
				Principles: pl(norm.VPT4, norm.PC5),
				Rule:       atLeast(95, 50),
				Unit:       norm.T("getraind", "trained"),
				NextStep:   norm.T("Train de leidinggevenden die nog niet getraind zijn, vóór of samen met hun teams.", "Train the managers who are not yet trained, before or with their teams."),
			},
			{
				ID:       "GG02-2",
				Question: norm.T("Wanneer zijn de leidinggevenden getraind, vergeleken met hun medewerkers?", "When were managers trained, compared with their employees?"),
				Help:     norm.T("Leidinggevenden die eerst getraind zijn kunnen hun team daarna begeleiden en voorleven.", "Managers trained first can then coach their team and set the example."),
				Type:     TypeChoice,
				Options: []Option{
					opt("before", "eerder", "before", Met),
					opt("same_time", "tegelijk", "at the same time", PartiallyMet),
					opt("after", "later", "after", NotMet),
					opt("not_trained", "niet getraind", "not trained", NotMet),
				},
				Weight:     1,
				Principles: pl(norm.VPT4, norm.PC5),
				Rule:       ruleGrade,
				NextStep:   norm.T("Train bij de volgende ronde eerst de leidinggevenden.", "In the next round, train the managers first."),
			},
			{
				ID:         "GG02-3",
				Question:   norm.T("Is vastgelegd wat de leidinggevende doet bij een incident: emotionele en praktische steun, hulp bij de aangifte en het regelen van professionele nazorg?", "Is it written down what a manager does at an incident: emotional and practical support, help with the police report and arranging professional aftercare?"),
				Help:       norm.T("Denk aan een protocol of werkinstructie voor leidinggevenden. Voeg het document toe als bewijs.", "Think of a protocol or work instruction for managers. Add the document as evidence."),
				Type:       TypeBool,
				Weight:     1,
				Evidence:   true,
				Principles: pl(norm.VPT6, norm.VPT8),
				Rule:       ruleTrue,
				NextStep:   norm.T("Leg de rol van de leidinggevende bij een incident vast en bespreek die met alle leidinggevenden.", "Write down the manager's role at an incident and go through it with every manager."),
			},
		},
	},
	{
		ID:          "GG03",
		Title:       norm.T("Geen belemmering om grenzen te stellen", "Nothing stops employees from setting limits"),
		Description: norm.T("Medewerkers durven een grens te stellen, ook als een klant met een klacht dreigt: de klachtenprocedure hoort beide kanten en het management staat achter de medewerker.", "Employees dare to set a limit, even when a client threatens to complain: the complaints procedure hears both sides and management stands behind the employee."),
		Source:      src(3),
		Weight:      1,
		Criteria: []*Criterion{
			{
				ID:         "GG03-1",
				Question:   norm.T("Is er een klachtenprocedure waarin naast de klant ook de medewerker wordt gehoord?", "Is there a complaints procedure in which the employee is heard as well as the client?"),
				Help:       norm.T("Hoor en wederhoor: de medewerker krijgt de gelegenheid om zijn kant van het verhaal te geven. Voeg de procedure toe als bewijs.", "Both sides are heard: the employee gets the chance to tell their side of the story. Add the procedure as evidence."),
				Type:       TypeBool,
				Weight:     2,
				Critical:   true,
				Evidence:   true,
				Principles: pl(norm.VPT1),
				Rule:       ruleTrue,
				NextStep:   norm.T("Pas de klachtenprocedure aan zodat ook de medewerker altijd wordt gehoord voordat over een klacht wordt beslist.", "Change the complaints procedure so that the employee is always heard before a complaint is decided."),
			},
			{
				ID:         "GG03-2",
				Question:   norm.T("Heeft het management uitgesproken dat het medewerkers steunt die een grens stellen?", "Has management stated that it backs employees who set a limit?"),
				Help:       norm.T("Bijvoorbeeld in een bericht van de directie, in het agressieprotocol of in het werkoverleg.", "For example in a message from the board, in the aggression protocol or in team meetings."),
				Type:       TypeBool,
				Weight:     1,
				Evidence:   true,
				Principles: pl(norm.VPT1),
				Rule:       ruleTrue,
				NextStep:   norm.T("Laat het management uitdrukkelijk en schriftelijk uitspreken dat het medewerkers steunt die een grens stellen.", "Have management state explicitly, in writing, that it backs employees who set a limit."),
			},
			{
				ID:         "GG03-3",
				Question:   norm.T("Welk deel van de medewerkers voelt zich door de leidinggevende gesteund om een grens te stellen?", "What share of employees feels backed by their manager to set a limit?"),
				Help:       norm.T("Uit een medewerkersonderzoek; een percentage van 0 tot 100. In de IND-pilot steeg dit van 61% naar 96%.", "From an employee survey; a percentage from 0 to 100. In the IND pilot this rose from 61% to 96%."),
				Type:       TypePercent,
				Weight:     1,
				Principles: pl(norm.VPT1, norm.PC5),
				Rule:       atLeast(90, 60),
				Unit:       norm.T("voelt zich gesteund", "feel backed"),
				NextStep:   norm.T("Bespreek in elk team hoe de leidinggevende medewerkers steunt die een grens stellen, en meet het opnieuw.", "Discuss in every team how the manager backs employees who set a limit, and measure again."),
			},
		},
	},
	{
		ID:          "GG04",
		Title:       norm.T("Dienstverlening en veiligheid in één boodschap", "Service and safety in one message"),
		Description: norm.T("Wat de organisatie naar buiten over dienstverlening zegt, sluit aan op wat zij binnen zegt over de veiligheid van medewerkers: goede service is belangrijk, veiligheid ook.", "What the organisation tells the outside world about service fits what it tells its staff about their safety: good service matters, and so does safety."),
		Source:      src(4),
		Weight:      1,
		Criteria: []*Criterion{
			{
				ID:       "GG04-1",
				Question: norm.T("Zijn de externe communicatie over dienstverlening en de interne communicatie over veiligheid op elkaar afgestemd?", "Are external communication about service and internal communication about safety coordinated?"),
				Help:     norm.T("Afgestemd betekent één eigenaar of één communicatieplan voor beide boodschappen.", "Coordinated means one owner or one communication plan for both messages."),
				Type:     TypeChoice,
				Options: []Option{
					opt("coordinated", "afgestemd", "coordinated", Met),
					opt("partly", "deels", "partly", PartiallyMet),
					opt("separate", "los van elkaar", "separate", NotMet),
				},
				Weight:     1,
				Principles: pl(norm.PC7),
				Rule:       ruleGrade,
				NextStep:   norm.T("Breng beide boodschappen onder bij één eigenaar of in één communicatieplan.", "Bring both messages under one owner or into one communication plan."),
			},
			{
				ID:       "GG04-2",
				Question: norm.T("Via welke kanalen bereikt de boodschap over veiligheid de medewerkers?", "Through which channels does the safety message reach employees?"),
				Help:     norm.T("Kies alle kanalen die het afgelopen jaar zijn gebruikt.", "Choose every channel used in the past year."),
				Type:     TypeMulti,
				Options: []Option{
					lst("team_meeting", "werkoverleg", "team meeting"),
					lst("newsletter", "nieuwsbrief", "newsletter"),
					lst("posters", "posters", "posters"),
					lst("intranet", "intranet", "intranet"),
					lst("bilateral_talks", "bilateraal gesprek", "one-to-one talks"),
				},
				Weight:     1,
				Principles: pl(norm.VPT2),
				Rule:       count(3, 1),
				Unit:       norm.T("kanalen", "channels"),
				NextStep:   norm.T("Breng de veiligheidsboodschap via meer kanalen, met in elk geval het werkoverleg.", "Carry the safety message through more channels, at least the team meeting."),
			},
		},
	},
	{
		ID:          "GG05",
		Title:       norm.T("Elk incident gemeld, centraal geregistreerd en geanalyseerd", "Every incident reported, registered centrally and analysed"),
		Description: norm.T("Medewerkers melden ieder incident, dat op één centrale plek wordt vastgelegd. Per incident wordt de oorzaak bekeken en wat de organisatie er zelf van kan leren, want een onhandige procedure kan frustratie uitlokken.", "Employees report every incident, which is recorded in one central place. For each incident the cause is examined, and what the organisation itself can learn, since an awkward procedure can provoke frustration."),
		Source:      src(5),
		Weight:      1.5,
		Criteria: []*Criterion{
			{
				ID:         "GG05-1",
				Question:   norm.T("Is er één centraal punt waar elk incident wordt geregistreerd?", "Is there one central point where every incident is registered?"),
				Help:       norm.T("Een registratiesysteem of meldpunt voor de hele organisatie. Voeg een beschrijving of schermafdruk toe als bewijs.", "A register or reporting desk for the whole organisation. Add a description or screenshot as evidence."),
				Type:       TypeBool,
				Weight:     2,
				Critical:   true,
				Evidence:   true,
				Principles: pl(norm.VPT3),
				Rule:       ruleTrue,
				NextStep:   norm.T("Richt één centraal register in voor alle incidenten en maak bekend waar en hoe medewerkers melden.", "Set up one central register for every incident and make known where and how employees report."),
			},
			{
				ID:         "GG05-2",
				Question:   norm.T("Welk deel van de medewerkers weet dat zij elk incident moeten melden?", "What share of employees knows they must report every incident?"),
				Help:       norm.T("Uit een medewerkersonderzoek; een percentage van 0 tot 100. In de IND-pilot was dit 93%.", "From an employee survey; a percentage from 0 to 100. In the IND pilot this was 93%."),
				Type:       TypePercent,
				Weight:     1,
				Principles: pl(norm.VPT2),
				Rule:       atLeast(95, 75),
				Unit:       norm.T("weet dat melden moet", "know to report"),
				NextStep:   norm.T("Herhaal in werkoverleg en nieuwsbrief dat elk incident gemeld wordt, ook verbaal geweld.", "Repeat in team meetings and the newsletter that every incident is reported, verbal abuse included."),
			},
			{
				ID:         "GG05-3",
				Question:   norm.T("Bij welk deel van de geregistreerde incidenten is de oorzaak geanalyseerd?", "For what share of registered incidents has the cause been analysed?"),
				Help:       norm.T("Een percentage van 0 tot 100. Wordt het incidentenregister meegegeven, dan beslist het gemeten aandeel.", "A percentage from 0 to 100. When the incident register is passed in, the measured share decides."),
				Type:       TypePercent,
				Weight:     1,
				Principles: pl(norm.VPT3),
				Rule:       atLeast(90, 50),
				Unit:       norm.T("met oorzaakanalyse", "with a cause analysis"),
				NextStep:   norm.T("Analyseer elk geregistreerd incident op oorzaak en op wat de eigen werkwijze eraan bijdroeg.", "Analyse every registered incident for its cause and for what the organisation's own way of working added to it."),
				MeasuredBy: MeasuredCauseAnalysis,
			},
			{
				ID:         "GG05-4",
				Question:   norm.T("Hoeveel eigen procedures zijn de afgelopen 12 maanden verbeterd naar aanleiding van incidentanalyses?", "How many of the organisation's own procedures were improved in the past 12 months as a result of incident analyses?"),
				Help:       norm.T("Een aantal, 0 of meer.", "A number, 0 or more."),
				Type:       TypeCount,
				Weight:     1,
				Principles: pl(norm.VPT3, norm.PC9),
				Rule:       atLeast(1, 1),
				Unit:       norm.T("verbeteringen", "improvements"),
				NextStep:   norm.T("Kies uit de incidentanalyses ten minste één procedure die frustratie oproept en verbeter die.", "Pick at least one procedure from the incident analyses that provokes frustration and improve it."),
			},
		},
	},
	{
		ID:          "GG06",
		Title:       norm.T("Beloften aan de klant waarmaken", "Keeping promises to clients"),
		Description: norm.T("De organisatie houdt zich aan de beslistermijnen, biedt een hersteltermijn als een termijn toch wordt overschreden en helpt de klant een aanvraag zo volledig mogelijk in te dienen, zodat bezwaar wordt voorkomen.", "The organisation meets decision deadlines, offers a recovery term when one is exceeded after all, and helps clients hand in an application as complete as possible, so that objections are avoided."),
		Source:      src(6),
		Weight:      1,
		Criteria: []*Criterion{
			{
				ID:         "GG06-1",
				Question:   norm.T("Welk deel van de besluiten is binnen de wettelijke termijn genomen?", "What share of decisions was taken within the legal term?"),
				Help:       norm.T("Over de afgelopen 12 maanden; een percentage van 0 tot 100.", "Over the past 12 months; a percentage from 0 to 100."),
				Type:       TypePercent,
				Weight:     1,
				Principles: pl(norm.PC1),
				Rule:       atLeast(95, 80),
				Unit:       norm.T("op tijd", "on time"),
				NextStep:   norm.T("Zoek uit waar de termijnen worden overschreden en stuur daar op.", "Find out where deadlines are missed and steer on those stages."),
			},
			{
				ID:       "GG06-2",
				Question: norm.T("Krijgt de klant een hersteltermijn als een termijn wordt overschreden?", "Does the client get a recovery term when a deadline is exceeded?"),
				Help:     norm.T("Kies 'geen wettelijke termijnen' als de organisatie geen besluiten op aanvraag neemt; het criterium telt dan niet mee.", "Choose 'no legal deadlines' when the organisation takes no decisions on applications; the criterion then does not count."),
				Type:     TypeChoice,
				Options: []Option{
					opt("always", "altijd", "always", Met),
					opt("sometimes", "soms", "sometimes", PartiallyMet),
					opt("never", "nooit", "never", NotMet),
					opt("no_legal_terms", "geen wettelijke termijnen", "no legal deadlines", NotApplicable),
				},
				Weight:     1,
				Principles: pl(norm.PC2),
				Rule:       ruleGrade,
				NextStep:   norm.T("Bied bij elke overschrijding uit eigen beweging een hersteltermijn aan en laat de klant weten wanneer hij het besluit krijgt.", "Offer a recovery term on your own initiative at every overrun and tell the client when the decision will come."),
			},
			{
				ID:         "GG06-3",
				Question:   norm.T("Wordt een aanvraag bij binnenkomst op volledigheid gecontroleerd en helpt u de klant haar aan te vullen?", "Is an application checked for completeness on arrival, and is the client helped to complete it?"),
				Help:       norm.T("Een volledige aanvraag voorkomt afwijzingen en bezwaren.", "A complete application prevents refusals and objections."),
				Type:       TypeBool,
				Weight:     1,
				Principles: pl(norm.PC3, norm.PC9),
				Rule:       ruleTrue,
				NextStep:   norm.T("Voer een volledigheidscheck bij binnenkomst in, met een telefoontje aan de klant als er iets ontbreekt.", "Introduce a completeness check on arrival, with a call to the client when something is missing."),
			},
		},
	},
	{
		ID:          "GG07",
		Title:       norm.T("Zo min mogelijk bureaucratie richting de burger", "As little bureaucracy towards citizens as possible"),
		Description: norm.T("Medewerkers benaderen de burger zo direct en eenvoudig als het kan: ontbreekt er iets, dan bellen zij eerst; moet er toch een brief uit, dan staan de naam van de behandelaar en een direct telefoonnummer erin.", "Employees approach citizens as directly and simply as they can: if something is missing, they call first; if a letter must go out after all, it names the handler and a direct phone number."),
		Source:      src(7),
		Weight:      1,
		Criteria: []*Criterion{
			{
				ID:       "GG07-1",
				Question: norm.T("Hoe wordt een ontbrekend document bij de klant opgevraagd?", "How is a missing document asked for?"),
				Help:     norm.T("Kies de gangbare werkwijze.", "Choose the usual way of working."),
				Type:     TypeChoice,
				Options: []Option{
					opt("phone_first", "eerst telefonisch", "by phone first", Met),
					opt("letter_with_contact", "brief met naam en direct nummer", "letter with a name and direct number", PartiallyMet),
					opt("formal_letter", "formele brief", "formal letter", NotMet),
				},
				Weight:     1,
				Principles: pl(norm.PC6, norm.PC10),
				Rule:       ruleGrade,
				NextStep:   norm.T("Spreek af dat medewerkers bij een ontbrekend stuk eerst bellen en pas daarna schrijven.", "Agree that employees call first when a document is missing, and write only after that."),
			},
			{
				ID:         "GG07-2",
				Question:   norm.T("Staan in brieven de naam van de behandelaar en een direct telefoonnummer?", "Do letters name the handler and a direct phone number?"),
				Help:       norm.T("Een algemeen nummer telt niet als direct nummer.", "A general number does not count as a direct one."),
				Type:       TypeChoice,
				Options:    alwaysSometimesNever(),
				Weight:     1,
				Principles: pl(norm.PC6, norm.PC10),
				Rule:       ruleGrade,
				NextStep:   norm.T("Pas de briefsjablonen aan zodat naam en direct nummer van de behandelaar er altijd in staan.", "Change the letter templates so that they always name the handler and a direct number."),
			},
		},
	},
	{
		ID:          "GG08",
		Title:       norm.T("Procedures zo dienstverlenend mogelijk", "Procedures as service-minded as possible"),
		Description: norm.T("Medewerkers krijgen ruimte om de burger flexibel en informeel te benaderen, binnen de grenzen van de wet.", "Employees get room to approach citizens flexibly and informally, within the limits of the law."),
		Source:      src(8),
		Weight:      1,
		Criteria: []*Criterion{
			{
				ID:         "GG08-1",
				Question:   norm.T("In welk deel van de zaken (primair besluit en bezwaar) wordt een informele aanpak gebruikt?", "In what share of cases (primary decision and objection) is an informal approach used?"),
				Help:       norm.T("Een percentage van 0 tot 100. Het kabinet streefde naar 50%.", "A percentage from 0 to 100. The cabinet aimed at 50%."),
				Type:       TypePercent,
				Weight:     1,
				Principles: pl(norm.PC9, norm.PC4),
				Rule:       atLeast(50, 25),
				Unit:       norm.T("informeel aangepakt", "handled informally"),
				NextStep:   norm.T("Bel de klant bij elke nieuwe zaak of elk bezwaar eerst op en leg vast in welke zaken dat gebeurt.", "Call the client first at every new case or objection and record in which cases that happens."),
			},
			{
				ID:         "GG08-2",
				Question:   norm.T("Hebben medewerkers schriftelijk de ruimte gekregen om binnen de wet af te wijken van de standaardprocedure?", "Have employees been given written room to depart from the standard procedure, within the law?"),
				Help:       norm.T("Bijvoorbeeld in een werkinstructie of mandaat. Voeg het document toe als bewijs.", "For example in a work instruction or mandate. Add the document as evidence."),
				Type:       TypeBool,
				Weight:     1,
				Evidence:   true,
				Principles: pl(norm.PC4, norm.PC9),
				Rule:       ruleTrue,
				NextStep:   norm.T("Leg vast welke ruimte medewerkers hebben om af te wijken en wie hen daarin steunt.", "Write down what room employees have to depart from procedure and who supports them in it."),
			},
		},
	},
	{
		ID:          "GG09",
		Title:       norm.T("Een duidelijke servicenorm", "A clear service norm"),
		Description: norm.T("De organisatie maakt bekend wat de klant van haar mag verwachten: doorlooptijden, wanneer zij bereikbaar is en hoe medewerkers klanten bejegenen. Medewerkers en klanten kennen die norm.", "The organisation makes known what clients may expect of it: turnaround times, when it can be reached and how staff treat clients. Employees and clients know this norm."),
		Source:      src(9),
		Weight:      1,
		Criteria: []*Criterion{
			{
				ID:         "GG09-1",
				Question:   norm.T("Welke onderwerpen behandelt de servicenorm?", "Which topics does the service norm cover?"),
				Help:       norm.T("Kies alle onderwerpen waarover de norm iets concreets belooft.", "Choose every topic on which the norm promises something concrete."),
				Type:       TypeMulti,
				Options:    serviceTopicOptions(),
				Weight:     1,
				Principles: pl(norm.PC5, norm.PC6, norm.PC7),
				Rule:       count(3, 1),
				Unit:       norm.T("onderwerpen", "topics"),
				NextStep:   norm.T("Vul de servicenorm aan met de ontbrekende onderwerpen: doorlooptijden, bereikbaarheid en bejegening.", "Complete the service norm with the missing topics: turnaround times, reachability and treatment."),
			},
			{
				ID:         "GG09-2",
				Question:   norm.T("Is de servicenorm bekendgemaakt aan klanten, bijvoorbeeld op de website, in brieven of aan de balie?", "Has the service norm been made known to clients, for example on the website, in letters or at the desk?"),
				Help:       norm.T("Voeg een verwijzing naar de gepubliceerde norm toe als bewijs.", "Add a reference to the published norm as evidence."),
				Type:       TypeBool,
				Weight:     1,
				Evidence:   true,
				Principles: pl(norm.PC5, norm.PC7),
				Rule:       ruleTrue,
				NextStep:   norm.T("Publiceer de servicenorm op de website en verwijs ernaar in brieven en aan de balie.", "Publish the service norm on the website and refer to it in letters and at the desk."),
			},
			{
				ID:         "GG09-3",
				Question:   norm.T("Kennen medewerkers de servicenorm, bijvoorbeeld via werkinstructie of intranet?", "Do employees know the service norm, for example through work instructions or the intranet?"),
				Help:       norm.T("Ja als de norm in werkinstructie, intranet of inwerkprogramma staat en in het werkoverleg is besproken.", "Yes when the norm is in work instructions, on the intranet or in induction, and has been discussed in team meetings."),
				Type:       TypeBool,
				Weight:     1,
				Principles: pl(norm.PC4, norm.PC7),
				Rule:       ruleTrue,
				NextStep:   norm.T("Neem de servicenorm op in werkinstructie en inwerkprogramma en bespreek haar in het werkoverleg.", "Put the service norm into work instructions and induction, and discuss it in team meetings."),
			},
		},
	},
	{
		ID:          "GG10",
		Title:       norm.T("Klanttevredenheid geregeld gemeten", "Client satisfaction measured regularly"),
		Description: norm.T("De organisatie meet met een vaste regelmaat hoe tevreden klanten zijn, maakt de uitkomst binnen en buiten bekend en verbetert daarna haar werkwijze.", "The organisation measures client satisfaction at a fixed interval, publishes the outcome inside and outside, and then improves its way of working."),
		Source:      src(10),
		Weight:      1,
		Criteria: []*Criterion{
			{
				ID:         "GG10-1",
				Question:   norm.T("Wanneer is het laatste klanttevredenheidsonderzoek afgerond?", "When was the last client-satisfaction survey completed?"),
				Help:       norm.T("Een datum (JJJJ-MM-DD), niet na de datum van deze zelfevaluatie.", "A date (YYYY-MM-DD), not after the date of this self-assessment."),
				Type:       TypeDate,
				Weight:     1,
				Evidence:   true,
				Principles: pl(norm.PC8),
				Rule:       Rule{Kind: RuleRecent, Threshold: Threshold{Met: 12, Partial: 24}},
				NextStep:   norm.T("Plan een klanttevredenheidsonderzoek en herhaal het ten minste elk jaar.", "Plan a client-satisfaction survey and repeat it at least every year."),
			},
			{
				ID:       "GG10-2",
				Question: norm.T("Waar zijn de uitkomsten bekendgemaakt?", "Where were the results published?"),
				Help:     norm.T("Kies beide als de uitkomsten zowel binnen als buiten de organisatie zijn gedeeld.", "Choose both when the results were shared inside and outside the organisation."),
				Type:     TypeMulti,
				Options: []Option{
					lst("internal", "intern", "internally"),
					lst("external", "extern", "externally"),
				},
				Weight:     1,
				Principles: pl(norm.PC8, norm.PC7),
				Rule:       count(2, 1),
				Unit:       norm.T("doelgroepen", "audiences"),
				NextStep:   norm.T("Maak de uitkomsten zowel intern als extern bekend, met wat u ermee gaat doen.", "Publish the results both inside and outside, with what you are going to do about them."),
			},
			{
				ID:         "GG10-3",
				Question:   norm.T("Hoeveel verbeteracties zijn uit het laatste onderzoek voortgekomen?", "How many improvement actions came out of the last survey?"),
				Help:       norm.T("Een aantal, 0 of meer.", "A number, 0 or more."),
				Type:       TypeCount,
				Weight:     1,
				Principles: pl(norm.PC8),
				Rule:       atLeast(1, 1),
				Unit:       norm.T("verbeteracties", "improvement actions"),
				NextStep:   norm.T("Kies uit het onderzoek ten minste één verbetering, wijs een eigenaar aan en volg haar op.", "Pick at least one improvement from the survey, give it an owner and follow it up."),
			},
		},
	},
	{
		ID:          "GG11",
		Title:       norm.T("Een duidelijke norm van onacceptabel gedrag", "A clear norm of unacceptable behaviour"),
		Description: norm.T("De organisatie maakt duidelijk welk gedrag zij niet accepteert, zoals uitschelden, bedreigen en intimideren, en zorgt dat medewerkers en klanten die norm kennen.", "The organisation makes clear which behaviour it does not accept, such as abuse, threats and intimidation, and makes sure employees and clients know this norm."),
		Source:      src(11),
		Weight:      1.5,
		Criteria: []*Criterion{
			{
				ID:         "GG11-1",
				Question:   norm.T("Welk gedrag benoemt de eigen norm van de organisatie als onacceptabel?", "Which behaviour does the organisation's own norm name as unacceptable?"),
				Help:       norm.T("Kies alle gedragingen uit de catalogus die de norm noemt. De norm dekt de VPT-basis als alle basisgedragingen erin staan, en deels als zij uit elke categorie ten minste één gedraging noemt. Voeg de norm toe als bewijs.", "Choose every catalogue behaviour the norm names. The norm covers the VPT baseline when every baseline behaviour is in it, and partly when it names at least one behaviour of every category. Add the norm as evidence."),
				Type:       TypeMulti,
				Options:    behaviourOptions(),
				Weight:     2,
				Critical:   true,
				Evidence:   true,
				Principles: pl(norm.VPT1),
				Rule:       Rule{Kind: RuleCoverage, Threshold: Threshold{Met: 100, Partial: 0}, Required: baselineCodes()},
				Unit:       norm.T("basisgedragingen", "baseline behaviours"),
				NextStep:   norm.T("Vul de eigen norm aan tot zij ten minste de VPT-basis dekt, en maak haar opnieuw bekend.", "Extend the organisation's norm until it covers at least the VPT baseline, and make it known again."),
			},
			{
				ID:         "GG11-2",
				Question:   norm.T("Waar wordt de norm aan klanten bekendgemaakt?", "Where is the norm made known to clients?"),
				Help:       norm.T("Kies alle plekken waar een klant de norm tegenkomt.", "Choose every place where a client meets the norm."),
				Type:       TypeMulti,
				Options:    clientMediumOptions(),
				Weight:     1,
				Principles: pl(norm.VPT1),
				Rule:       count(2, 1),
				Unit:       norm.T("plekken", "places"),
				NextStep:   norm.T("Maak de norm zichtbaar op meer plekken waar klanten komen, ten minste aan de balie en op de website.", "Make the norm visible in more places clients come, at least at the desk and on the website."),
			},
			{
				ID:         "GG11-3",
				Question:   norm.T("Welk deel van de medewerkers kent de norm van de organisatie?", "What share of employees knows the organisation's norm?"),
				Help:       norm.T("Uit een medewerkersonderzoek; een percentage van 0 tot 100. In de IND-pilot steeg dit van 34% naar 71%.", "From an employee survey; a percentage from 0 to 100. In the IND pilot this rose from 34% to 71%."),
				Type:       TypePercent,
				Weight:     1,
				Principles: pl(norm.VPT1),
				Rule:       atLeast(90, 60),
				Unit:       norm.T("kent de norm", "know the norm"),
				NextStep:   norm.T("Bespreek de norm in elk team en neem haar op in training en inwerkprogramma.", "Go through the norm in every team and include it in training and induction."),
			},
		},
	},
	{
		ID:          "GG12",
		Title:       norm.T("Binnen 48 uur reageren naar de dader", "Reacting to the perpetrator within 48 hours"),
		Description: norm.T("Na agressie laat de organisatie de dader binnen 48 uur weten wat zij van zijn gedrag vindt, op een manier die bij de situatie past, mondeling of schriftelijk. Waar het kan doet zij aangifte en verhaalt zij de schade.", "After aggression the organisation reacts to the perpetrator within 48 hours, in a way that fits the situation, orally or in writing. Where possible it reports to the police and recovers the damage."),
		Source:      src(12),
		Weight:      1.5,
		Criteria: []*Criterion{
			{
				ID:         "GG12-1",
				Question:   norm.T("Bij welk deel van de incidenten is binnen 48 uur naar de dader gereageerd?", "In what share of incidents was there a reaction to the perpetrator within 48 hours?"),
				Help:       norm.T("Een percentage van 0 tot 100. Worden de nazorggegevens meegegeven, dan beslist het gemeten aandeel.", "A percentage from 0 to 100. When follow-up data are passed in, the measured share decides."),
				Type:       TypePercent,
				Weight:     2,
				Critical:   true,
				Evidence:   true,
				Principles: pl(norm.VPT5),
				Rule:       atLeast(95, 70),
				Unit:       norm.T("binnen 48 uur", "within 48 hours"),
				NextStep:   norm.T("Wijs per incident iemand aan die binnen 48 uur naar de dader reageert, en bewaak die termijn.", "Name for every incident someone who reacts to the perpetrator within 48 hours, and watch that deadline."),
				MeasuredBy: MeasuredReactions48h,
			},
			{
				ID:         "GG12-2",
				Question:   norm.T("Welke reacties naar de dader staan de organisatie ter beschikking?", "Which reactions to the perpetrator does the organisation have available?"),
				Help:       norm.T("Elke situatie is anders; meer mogelijkheden maken een passende reactie makkelijker.", "Every situation is different; more options make a fitting reaction easier."),
				Type:       TypeMulti,
				Options:    reactionFormOptions(),
				Weight:     1,
				Principles: pl(norm.VPT5),
				// Item 12 names an oral or a written reaction: two kinds
				// are met only with a conversation or a letter among them.
				Rule:     Rule{Kind: RuleCount, Threshold: Threshold{Met: 2, Partial: 1}, AnyOf: []string{string(followup.FormConversation), string(followup.FormWarningLetter)}},
				Unit:     norm.T("reactievormen", "kinds of reaction"),
				NextStep: norm.T("Leg ten minste een mondelinge en een schriftelijke reactie vast als mogelijkheid.", "Provide at least an oral and a written reaction as options."),
			},
			{
				ID:         "GG12-3",
				Question:   norm.T("Doet de organisatie zelf aangifte, of helpt zij de medewerker daarbij, waar dat kan?", "Does the organisation report to the police itself, or help the employee do so, where possible?"),
				Help:       norm.T("In de IND-pilot zei 33% en later 65% van de medewerkers dat de organisatie aangifte doet.", "In the IND pilot 33%, and later 65%, of employees said the organisation reports to the police."),
				Type:       TypeChoice,
				Options:    alwaysCaseByCaseNever(),
				Weight:     1,
				Principles: pl(norm.VPT6),
				Rule:       ruleGrade,
				NextStep:   norm.T("Maak aangifte namens de organisatie de standaard waar de wet dat toelaat, met hulp voor de medewerker.", "Make a police report by the organisation the default where the law allows, with help for the employee."),
			},
			{
				ID:         "GG12-4",
				Question:   norm.T("Verhaalt de organisatie de schade op de dader?", "Does the organisation recover damages from the perpetrator?"),
				Help:       norm.T("Schade aan spullen, maar ook kosten van verzuim of nazorg.", "Damage to property, but also the cost of sick leave or aftercare."),
				Type:       TypeChoice,
				Options:    alwaysCaseByCaseNever(),
				Weight:     1,
				Principles: pl(norm.VPT7),
				Rule:       ruleGrade,
				NextStep:   norm.T("Verhaal schade standaard op de dader en leg vast wie dat regelt.", "Recover damages from the perpetrator by default and decide who handles it."),
			},
		},
	},
	{
		ID:          "GG13",
		Title:       norm.T("Nazorg voor iedere betrokkene", "Aftercare for everyone involved"),
		Description: norm.T("Iedereen die bij een incident betrokken was krijgt nazorg, uit meer dan één mogelijkheid, zoals een opvangteam of een gesprek met een professional; zowel meteen als in de weken die volgen.", "Everyone involved in an incident receives aftercare, from more than one option such as a support team or a talk with a professional; not only right after the incident but also in the weeks that follow."),
		Source:      src(13),
		Weight:      1.5,
		Criteria: []*Criterion{
			{
				ID:         "GG13-1",
				Question:   norm.T("Welk deel van de betrokkenen bij een incident kreeg tijdig nazorg aangeboden?", "What share of the people involved in an incident were offered aftercare on time?"),
				Help:       norm.T("Een percentage van 0 tot 100. Worden de nazorggegevens meegegeven, dan beslist het gemeten aandeel.", "A percentage from 0 to 100. When follow-up data are passed in, the measured share decides."),
				Type:       TypePercent,
				Weight:     2,
				Critical:   true,
				Evidence:   true,
				Principles: pl(norm.VPT8),
				Rule:       atLeast(95, 70),
				Unit:       norm.T("kreeg nazorg aangeboden", "offered aftercare"),
				NextStep:   norm.T("Bied na elk incident iedere betrokkene nazorg aan en leg vast wanneer en door wie.", "Offer aftercare to everyone involved after every incident, and record when and by whom."),
				MeasuredBy: MeasuredAftercareOnTime,
			},
			{
				ID:       "GG13-2",
				Question: norm.T("Welke vormen van nazorg zijn beschikbaar?", "Which kinds of aftercare are available?"),
				Help:     norm.T("Kies alle vormen die een betrokkene kan krijgen.", "Choose every kind someone involved can receive."),
				Type:     TypeMulti,
				Options: []Option{
					lst("aftercare_team", "opvangteam", "aftercare team"),
					lst("professional_talk", "gesprek met een professional", "talk with a professional"),
					lst("manager_talk", "gesprek met de leidinggevende", "talk with the manager"),
					lst("company_doctor", "bedrijfsarts", "company doctor"),
					lst("peer_support", "collegiale opvang", "peer support"),
				},
				Weight:     1,
				Principles: pl(norm.VPT8),
				Rule:       count(2, 1),
				Unit:       norm.T("nazorgvormen", "kinds of aftercare"),
				NextStep:   norm.T("Zorg naast het gesprek met de leidinggevende voor ten minste één andere vorm, zoals een opvangteam of professional.", "Besides the talk with the manager, provide at least one other kind, such as a support team or a professional."),
			},
			{
				ID:         "GG13-3",
				Question:   norm.T("Is er weken na het incident opnieuw contact met de betrokkene, en niet alleen direct erna?", "Is there contact with the person involved again weeks after the incident, not only right after it?"),
				Help:       norm.T("In de IND-pilot zei 30% en later 55% dat de leidinggevende ook later aandacht had voor nazorg.", "In the IND pilot 30%, and later 55%, said their manager also paid attention to aftercare later on."),
				Type:       TypeBool,
				Weight:     1,
				Principles: pl(norm.VPT8),
				Rule:       ruleTrue,
				NextStep:   norm.T("Plan bij elk incident een vervolgcontact enkele weken later.", "Plan a follow-up contact some weeks after every incident."),
			},
		},
	},
	{
		ID:          "GG14",
		Title:       norm.T("Ook van onderop werken", "Working bottom-up as well"),
		Description: norm.T("De methode komt ook van de werkvloer: ambassadeurs bespreken casussen in hun team en brengen knelpunten naar voren, en medewerkers denken mee in bijeenkomsten en interne uitwisselingen.", "The method also grows from the shop floor: ambassadors discuss cases in their team and raise problems, and employees think along in meetings and internal exchanges."),
		Source:      src(14),
		Weight:      1,
		Criteria: []*Criterion{
			{
				ID:       "GG14-1",
				Question: norm.T("Zijn er ambassadeurs in de teams?", "Are there ambassadors in the teams?"),
				Help:     norm.T("Een ambassadeur is een collega die casussen inbrengt en knelpunten doorgeeft.", "An ambassador is a colleague who brings in cases and passes on problems."),
				Type:     TypeChoice,
				Options: []Option{
					opt("every_team", "in elk team", "in every team", Met),
					opt("some_teams", "in sommige teams", "in some teams", PartiallyMet),
					opt("none", "geen", "none", NotMet),
				},
				Weight:     1,
				Principles: pl(norm.PC5, norm.VPT2),
				Rule:       ruleGrade,
				NextStep:   norm.T("Vraag in elk team een ambassadeur en geef die tijd voor de rol.", "Ask every team for an ambassador and give them time for the role."),
			},
			{
				ID:       "GG14-2",
				Question: norm.T("Worden praktijkgevallen besproken in het werkoverleg?", "Are cases from practice discussed in team meetings?"),
				Help:     norm.T("Regelmatig betekent in de meeste overleggen.", "Regularly means in most meetings."),
				Type:     TypeChoice,
				Options: []Option{
					opt("regularly", "regelmatig", "regularly", Met),
					opt("occasionally", "af en toe", "occasionally", PartiallyMet),
					opt("never", "nooit", "never", NotMet),
				},
				Weight:     1,
				Principles: pl(norm.PC4, norm.VPT2),
				Rule:       ruleGrade,
				NextStep:   norm.T("Zet een praktijkgeval vast op de agenda van het werkoverleg.", "Put a case from practice on every team meeting's agenda."),
			},
			{
				ID:         "GG14-3",
				Question:   norm.T("Hoeveel bijeenkomsten waarin medewerkers meedenken over de werkwijze waren er de afgelopen 12 maanden?", "How many meetings where employees think along about the method were held in the past 12 months?"),
				Help:       norm.T("Een aantal, 0 of meer. Interne uitwisselingen tellen mee.", "A number, 0 or more. Internal exchanges count."),
				Type:       TypeCount,
				Weight:     1,
				Principles: pl(norm.PC5),
				Rule:       atLeast(2, 1),
				Unit:       norm.T("bijeenkomsten", "meetings"),
				NextStep:   norm.T("Organiseer ten minste twee keer per jaar een bijeenkomst waarin medewerkers meedenken.", "Hold a meeting where employees think along at least twice a year."),
			},
		},
	},
}

// behaviourOptions lists the norm catalogue's behaviours as options, in
// catalogue order (GG11-1).
func behaviourOptions() []Option {
	bs := norm.Behaviours()
	out := make([]Option, len(bs))
	for i, b := range bs {
		out[i] = Option{Code: string(b.Code), Label: b.Label}
	}
	return out
}

// baselineCodes is the VPT baseline as option codes (GG11-1).
func baselineCodes() []string {
	bs := norm.Baseline()
	out := make([]string, len(bs))
	for i, b := range bs {
		out[i] = string(b)
	}
	return out
}

// clientMediumOptions lists the client media of package norm, with its
// labels (GG11-2).
func clientMediumOptions() []Option {
	ms := norm.ClientMedia()
	out := make([]Option, len(ms))
	for i, m := range ms {
		out[i] = Option{Code: string(m), Label: m.Label()}
	}
	return out
}

// reactionFormOptions lists the forms a reaction to the perpetrator can
// take in package followup, so that what an organisation claims to have
// available is what its actions can record (GG12-2).
func reactionFormOptions() []Option {
	fs := followup.Forms(followup.KindReaction)
	out := make([]Option, len(fs))
	for i, f := range fs {
		out[i] = Option{Code: string(f), Label: followup.FormLabel(f)}
	}
	return out
}

// serviceTopicOptions lists the topics of a service norm (GG09-1).
func serviceTopicOptions() []Option {
	ts := norm.ServiceTopics()
	out := make([]Option, len(ts))
	for i, t := range ts {
		out[i] = Option{Code: string(t), Label: t.Label()}
	}
	return out
}

// The indexes, built once at package initialisation and read-only after.
var (
	criteria      []*Criterion
	itemIndex     = map[ItemID]int{}
	criterionIdx  = map[CriterionID]int{}
	criterionItem []int // criterion index -> item index
	itemFirst     []int // item index -> index of its first criterion
)

func init() {
	for i, it := range catalogue {
		itemIndex[it.ID] = i
		itemFirst = append(itemFirst, len(criteria))
		var seen [32]bool
		for _, c := range it.Criteria {
			c.Item = it.ID
			c.Source = it.Source
			criterionIdx[c.ID] = len(criteria)
			criteria = append(criteria, c)
			criterionItem = append(criterionItem, i)
			for _, p := range c.Principles {
				seen[principleIndex(p)] = true
			}
		}
		// The item's principles: the union of its criteria's, in the
		// order of norm.PrincipleIDs.
		for j, p := range norm.PrincipleIDs() {
			if seen[j] {
				it.Principles = append(it.Principles, p)
			}
		}
	}
	buildReportTables()
	buildGradeNorms()
}

// The item and principle counts, as constants so that evaluation scratch
// space is sized at compile time; a test checks them against the catalogue.
const (
	len14 = 14 // items
	len18 = 18 // principles
)

// Tables the evaluator reads, built once from the catalogue.
var (
	// principleArena holds every item's principles followed by every
	// criterion's; a report copies it once and slices it.
	principleArena    []norm.PrincipleID
	principleArenaLen int
	itemArena         []span
	critArena         []span
	// criterionPrinciples holds, per criterion, the indexes of its
	// principles in principleOrder.
	criterionPrinciples [][]int
	// answerPointers holds, per criterion, the JSON pointer of its answer.
	answerPointers []string
	// principleTitles holds the principle titles per language.
	principleTitles [2][]string
	// measuredCriteria counts the criteria that measured data can decide.
	measuredCriteria int
)

func buildReportTables() {
	for _, it := range catalogue {
		s := len(principleArena)
		principleArena = append(principleArena, it.Principles...)
		itemArena = append(itemArena, span{int32(s), int32(len(principleArena))})
	}
	for _, c := range criteria {
		s := len(principleArena)
		principleArena = append(principleArena, c.Principles...)
		critArena = append(critArena, span{int32(s), int32(len(principleArena))})
		var idx []int
		for _, p := range c.Principles {
			idx = append(idx, principleIndex(p))
		}
		criterionPrinciples = append(criterionPrinciples, idx)
		answerPointers = append(answerPointers, norm.Pointer("answers", string(c.ID)))
		if c.MeasuredBy != "" {
			measuredCriteria++
		}
	}
	principleArenaLen = len(principleArena)
	for li, l := range langs {
		for _, id := range principleOrder {
			p, _ := norm.LookupPrinciple(id)
			principleTitles[li] = append(principleTitles[li], p.Title.In(l))
		}
	}
}

// arenaSlice cuts s out of a copy of principleArena, capped so that an
// append by the caller cannot overwrite a neighbour.
func arenaSlice(arena []norm.PrincipleID, s span) []norm.PrincipleID {
	return arena[s.start:s.end:s.end]
}

// principleIndex is the position of p in norm.PrincipleIDs (VPT1..VPT8,
// PC1..PC10), or len when unknown.
func principleIndex(p norm.PrincipleID) int {
	for i, q := range principleOrder {
		if q == p {
			return i
		}
	}
	return len(principleOrder)
}

var principleOrder = norm.PrincipleIDs()

// Items returns the 14 checklist items in checklist order, GG01..GG14,
// with their criteria. Each call returns a fresh deep copy: changing it
// changes nothing in the catalogue, in [Evaluate] or in what another caller
// is handed.
func Items() []*Item {
	out := make([]*Item, len(catalogue))
	for i, it := range catalogue {
		out[i] = it.clone()
	}
	return out
}

// Criteria returns every criterion in checklist order, as a fresh deep
// copy (see [Items]).
func Criteria() []*Criterion {
	out := make([]*Criterion, len(criteria))
	for i, c := range criteria {
		out[i] = c.clone()
	}
	return out
}

// LookupItem finds an item by ID and returns a deep copy of it (see
// [Items]).
func LookupItem(id ItemID) (*Item, bool) {
	i, ok := itemIndex[id]
	if !ok {
		return nil, false
	}
	return catalogue[i].clone(), true
}

// LookupCriterion finds a criterion by ID and returns a deep copy of it
// (see [Items]).
func LookupCriterion(id CriterionID) (*Criterion, bool) {
	c, ok := lookupCriterion(id)
	if !ok {
		return nil, false
	}
	return c.clone(), true
}

// lookupCriterion is LookupCriterion without the copy, for this package's
// own read-only use.
func lookupCriterion(id CriterionID) (*Criterion, bool) {
	i, ok := criterionIdx[id]
	if !ok {
		return nil, false
	}
	return criteria[i], true
}

// clone deep-copies an item and its criteria.
func (it *Item) clone() *Item {
	c := *it
	c.Principles = slices.Clone(it.Principles)
	c.Criteria = make([]*Criterion, len(it.Criteria))
	for i, cr := range it.Criteria {
		c.Criteria[i] = cr.clone()
	}
	return &c
}

// clone deep-copies a criterion: its options, principles and rule.
func (c *Criterion) clone() *Criterion {
	d := *c
	d.Options = slices.Clone(c.Options)
	d.Principles = slices.Clone(c.Principles)
	d.Rule.Required = slices.Clone(c.Rule.Required)
	d.Rule.AnyOf = slices.Clone(c.Rule.AnyOf)
	return &d
}

// OptionByCode finds one of the criterion's options by code.
func (c *Criterion) OptionByCode(code string) (Option, bool) {
	for _, o := range c.Options {
		if o.Code == code {
			return o, true
		}
	}
	return Option{}, false
}
