package main

import "github.com/goedgesprek/goedgesprek/norm"

// texts are the words of the web form itself. The questions, help texts,
// options and units come from the checklist's catalogue, and the labels of
// the organisation, assessor and evidence fields from the assessment
// schema, so that the form and the schema cannot say different things.
type texts struct {
	Site, Title, Intro, Skip, OtherLang, OtherLangKeep                    string
	ErrorTitle, ErrorPrefix, ErrorTitleTag                                string
	UploadLabel, UploadHint, UploadButton                                 string
	General, DateHint, Submit, SubmitHint                                 string
	Unanswered, Yes, No, None, AsGiven, ChooseKind                        string
	More, MoreHint, EvidenceRow, EvidenceNew                              string
	Critical, EvidenceExpected, Checked, Download, Edit, ReportBar        string
	NotFound, NotFoundText, BackToForm, TooLarge, TooLargeText, BadMethod string
	BadRequest, BadRequestTitle, BadMethodTitle, NoFile                   string
}

var textsNL = texts{
	Site:          "Goed gesprek",
	Title:         "Zelfevaluatie invullen",
	Intro:         "Beantwoord de criteria van de 14 punten van de checklist Goed gesprek. Een vraag die u open laat telt als niet beantwoord; dat is geen fout. Er wordt niets op de server bewaard: download de zelfevaluatie als JSON als u haar wilt bewaren.",
	Skip:          "Naar de inhoud",
	OtherLang:     "English",
	OtherLangKeep: "Show this form in English (keeps your answers)",
	ErrorTitle:    "Er is een probleem",
	ErrorPrefix:   "Fout:",
	ErrorTitleTag: "Fout: ",

	UploadLabel:  "Zelfevaluatie (JSON-bestand)",
	UploadHint:   "Het formulier opent met alle waarden ingevuld, en met de problemen die in het bestand zitten.",
	UploadButton: "Bestand openen",

	General:    "Organisatie, peildatum en invuller",
	DateHint:   "Schrijf de datum als JJJJ-MM-DD, bijvoorbeeld 2026-03-31.",
	Submit:     "Controleren en rapport maken",
	SubmitHint: "Na het controleren ziet u de problemen bij de velden, of het rapport.",

	Unanswered: "Nog niet beantwoord",
	Yes:        "Ja",
	No:         "Nee",
	None:       "Geen van deze",
	AsGiven:    "zoals opgegeven: %s",
	ChooseKind: "Kies een soort",

	More:             "Toelichting en onderbouwing",
	MoreHint:         "Een lege regel voor een bewijsstuk wordt overgeslagen. Na het controleren staat er weer een lege regel klaar.",
	EvidenceRow:      "Bewijsstuk %d",
	EvidenceNew:      "Nieuw bewijsstuk",
	Critical:         "kritiek criterium",
	EvidenceExpected: "bewijs verwacht",

	Checked:   "Het bestand is gecontroleerd: er zijn geen problemen gevonden. Pas het aan waar nodig en kies ‘Controleren en rapport maken’.",
	Download:  "Zelfevaluatie downloaden (JSON)",
	Edit:      "Terug naar het formulier",
	ReportBar: "Acties",

	NotFound:        "Pagina niet gevonden",
	NotFoundText:    "Deze pagina bestaat niet.",
	BackToForm:      "Naar het formulier",
	TooLarge:        "Te groot",
	TooLargeText:    "Wat u verstuurde is groter dan de zelfevaluatie mag zijn.",
	BadMethod:       "Deze pagina kan zo niet worden opgevraagd.",
	BadRequest:      "Het verzoek kon niet worden gelezen.",
	NoFile:          "kies een JSON-bestand met een zelfevaluatie",
	BadRequestTitle: "Verzoek niet leesbaar",
	BadMethodTitle:  "Niet toegestaan",
}

var textsEN = texts{
	Site:          "Goed gesprek",
	Title:         "Fill in a self-assessment",
	Intro:         "Answer the criteria of the 14 items of the Goed gesprek checklist. A question you leave open counts as unanswered; that is not an error. Nothing is kept on the server: download the self-assessment as JSON if you want to keep it.",
	Skip:          "Skip to content",
	OtherLang:     "Nederlands",
	OtherLangKeep: "Toon dit formulier in het Nederlands (uw antwoorden blijven staan)",
	ErrorTitle:    "There is a problem",
	ErrorPrefix:   "Error:",
	ErrorTitleTag: "Error: ",

	UploadLabel:  "Self-assessment (JSON file)",
	UploadHint:   "The form opens with every value filled in, and with the problems the file has.",
	UploadButton: "Open file",

	General:    "Organisation, reference date and assessor",
	DateHint:   "Write the date as YYYY-MM-DD, for example 2026-03-31.",
	Submit:     "Check and make the report",
	SubmitHint: "After checking you see the problems at their fields, or the report.",

	Unanswered: "Not answered yet",
	Yes:        "Yes",
	No:         "No",
	None:       "None of these",
	AsGiven:    "as given: %s",
	ChooseKind: "Choose a kind",

	More:             "Comment and evidence",
	MoreHint:         "An empty evidence row is skipped. After checking, a new empty row is ready.",
	EvidenceRow:      "Evidence %d",
	EvidenceNew:      "New evidence",
	Critical:         "critical criterion",
	EvidenceExpected: "evidence expected",

	Checked:   "The file has been checked: no problems were found. Change it where needed and choose ‘Check and make the report’.",
	Download:  "Download the self-assessment (JSON)",
	Edit:      "Back to the form",
	ReportBar: "Actions",

	NotFound:        "Page not found",
	NotFoundText:    "This page does not exist.",
	BackToForm:      "To the form",
	TooLarge:        "Too large",
	TooLargeText:    "What you sent is larger than a self-assessment may be.",
	BadMethod:       "This page cannot be requested this way.",
	BadRequest:      "The request could not be read.",
	NoFile:          "choose a JSON file with a self-assessment",
	BadRequestTitle: "Request not readable",
	BadMethodTitle:  "Not allowed",
}

func textsFor(l norm.Lang) *texts {
	if l == norm.EN {
		return &textsEN
	}
	return &textsNL
}

func otherLang(l norm.Lang) norm.Lang {
	if l == norm.EN {
		return norm.NL
	}
	return norm.EN
}
