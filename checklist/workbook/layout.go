package workbook

import (
	"strconv"

	"github.com/goedgesprek/goedgesprek/checklist"
	"github.com/goedgesprek/goedgesprek/norm"
)

// FormatVersion is the version of the workbook layout this package writes
// and reads. It is stored in the hidden sheet; a workbook of another
// version is refused rather than read by guesswork.
const FormatVersion = "1"

// marker is the text in A1 of the hidden sheet that marks a workbook as
// one of ours.
const marker = "goedgesprek-zelfevaluatie"

// metaSheet is the very hidden sheet holding the marker, the format
// version, the language and the lists behind the drop-downs.
const metaSheet = "goedgesprek"

// sheetNames are the two visible sheets, per language.
type sheetNames struct{ org, answers string }

func namesIn(l norm.Lang) sheetNames {
	if l == norm.EN {
		return sheetNames{org: "Organisation", answers: "Answers"}
	}
	return sheetNames{org: "Organisatie", answers: "Antwoorden"}
}

// The columns of the answers sheet. The answer is in D, beside the
// question and its help, so that a person reading across meets the
// question before the cell to fill in.
const (
	colID       = "A"
	colQuestion = "B"
	colHelp     = "C"
	colAnswer   = "D"
	colUnit     = "E"
	colComment  = "F"
	colEvTitle  = "G"
	colEvRef    = "H"
	colEvDate   = "I"
)

var answerColumns = []string{colID, colQuestion, colHelp, colAnswer, colUnit, colComment, colEvTitle, colEvRef, colEvDate}

// answerHeaders head the columns of the answers sheet, in column order.
var answerHeaders = []norm.Text{
	norm.T("Nr.", "No."),
	norm.T("Vraag", "Question"),
	norm.T("Uitleg bij de vraag", "About the question"),
	norm.T("Antwoord", "Answer"),
	norm.T("Eenheid", "Unit"),
	norm.T("Toelichting", "Comment"),
	norm.T("Bewijsstuk: titel", "Evidence: title"),
	norm.T("Bewijsstuk: vindplaats", "Evidence: reference"),
	norm.T("Bewijsstuk: datum", "Evidence: date"),
}

// answerWidths are the column widths of the answers sheet, in characters:
// on A4 landscape, fitted to the page width, the question and help wrap.
var answerWidths = []float64{9, 48, 48, 18, 16, 32, 24, 18, 13}

// orgHeaders head the three columns of the organisation sheet.
var orgHeaders = []norm.Text{
	norm.T("Gegeven", "Field"),
	norm.T("Invullen", "Fill in"),
	norm.T("Uitleg", "About"),
}

// fieldKind is how an organisation field is checked and read.
type fieldKind int

const (
	fieldText fieldKind = iota
	fieldKind_
	fieldCount
	fieldDate
)

// orgField is one row of the organisation sheet.
type orgField struct {
	path  []string // JSON pointer tokens
	kind  fieldKind
	label norm.Text
	help  norm.Text
	max   int // for text: the schema's maximum length
}

// orgFields are the rows of the organisation sheet from row 2 on, in
// the order of the form.
var orgFields = []orgField{
	{[]string{"organisation", "name"}, fieldText, norm.T("Naam van de organisatie", "Name of the organisation"), norm.T("Verplicht.", "Required."), 200},
	{[]string{"organisation", "kind"}, fieldKind_, norm.T("Soort organisatie", "Kind of organisation"), norm.T("Kies uit de lijst.", "Choose from the list."), 0},
	{[]string{"organisation", "client_facing_employees"}, fieldCount, norm.T("Medewerkers met klantcontact", "Client-facing employees"),
		norm.T("Aantal medewerkers dat klanten spreekt: balie, telefoon, backoffice, hoorzittingen. Een geheel getal.", "Number of employees who deal with clients: desk, phone, back office, hearings. A whole number."), 0},
	{[]string{"organisation", "managers"}, fieldCount, norm.T("Leidinggevenden", "Managers"), norm.T("Aantal leidinggevenden van deze medewerkers. Een geheel getal.", "Number of managers of these employees. A whole number."), 0},
	{[]string{"assessment_date"}, fieldDate, norm.T("Datum van de zelfevaluatie", "Assessment date"),
		norm.T("De peildatum (JJJJ-MM-DD): 'de afgelopen 12 maanden' telt terug vanaf deze datum; geen bewijsstuk mag later gedateerd zijn.", "The reference date (YYYY-MM-DD): 'the past 12 months' counts back from it; no evidence may be dated later."), 0},
	{[]string{"assessor", "id"}, fieldText, norm.T("Kenmerk van de invuller", "Assessor reference"), norm.T("Een pseudoniem kenmerk, zoals een personeelsnummer; geen naam. Verplicht.", "A pseudonymous reference such as a staff number; not a name. Required."), 100},
	{[]string{"assessor", "role"}, fieldText, norm.T("Functie of rol", "Position or role"), norm.T("Bijvoorbeeld kwaliteitsadviseur (optioneel).", "For example quality adviser (optional)."), 200},
}

// kindLabels label the organisation kinds in the drop-down.
var kindLabels = map[checklist.OrgKind]norm.Text{
	checklist.OrgMunicipality:    norm.T("Gemeente", "Municipality"),
	checklist.OrgExecutiveAgency: norm.T("Uitvoeringsorganisatie", "Executive agency"),
	checklist.OrgMinistry:        norm.T("Ministerie", "Ministry"),
	checklist.OrgOther:           norm.T("Andere overheidsorganisatie", "Other public organisation"),
}

// yesNo label the two answers of a yes/no question and of each option of
// a multi-choice criterion.
var yesNo = [2]norm.Text{norm.T("Ja", "Yes"), norm.T("Nee", "No")}

// rowKind is what a row of the answers sheet holds.
type rowKind int

const (
	rowItem      rowKind = iota // an item heading: ID and title
	rowCriterion                // a criterion: question, answer, comment, evidence
	rowOption                   // one option of the multi-choice criterion above: yes or no
)

// layoutRow is one row of the answers sheet below the header.
type layoutRow struct {
	kind rowKind
	item *checklist.Item
	crit *checklist.Criterion
	opt  int // for rowOption: the index of the option
}

// answerLayout is every row of the answers sheet from row 2 on, taken from
// the catalogue: the writer lays the sheet out with it, and the reader
// checks the sheet against it before it reads a value. A multi-choice
// criterion gets one row per option, each with a yes/no answer in the same
// answer column, so that every answer sits in column D and the sheet stays
// nine columns wide on paper whatever the number of options.
func answerLayout() []layoutRow {
	var rows []layoutRow
	for _, it := range checklist.Items() {
		rows = append(rows, layoutRow{kind: rowItem, item: it})
		for _, c := range it.Criteria {
			rows = append(rows, layoutRow{kind: rowCriterion, item: it, crit: c})
			if c.Type == checklist.TypeMulti {
				for i := range c.Options {
					rows = append(rows, layoutRow{kind: rowOption, item: it, crit: c, opt: i})
				}
			}
		}
	}
	return rows
}

// cellRef names a cell on a sheet: "Antwoorden!D14". Sheet names with a
// space would need quotes in a formula; ours have none.
func cellRef(sheet, col string, row int) string {
	return sheet + "!" + col + strconv.Itoa(row)
}

// unitText is what the unit column says: what kind of answer the cell
// takes, and what a number counts.
func unitText(c *checklist.Criterion) norm.Text {
	switch c.Type {
	case checklist.TypeBool:
		return norm.T("ja / nee", "yes / no")
	case checklist.TypeChoice:
		return norm.T("kies uit de lijst", "choose from the list")
	case checklist.TypeMulti:
		return norm.T("ja / nee per optie hieronder", "yes / no for each option below")
	case checklist.TypePercent:
		return norm.T("% "+c.Unit.NL+" (0–100)", "% "+c.Unit.EN+" (0–100)")
	case checklist.TypeCount:
		if c.Unit.NL != "" {
			return norm.T("aantal: "+c.Unit.NL, "number: "+c.Unit.EN)
		}
		return norm.T("aantal", "number")
	case checklist.TypeDate:
		return norm.T("datum (JJJJ-MM-DD)", "date (YYYY-MM-DD)")
	}
	return norm.Text{}
}
