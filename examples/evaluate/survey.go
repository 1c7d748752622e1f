package main

import (
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/goedgesprek/goedgesprek/checklist"
	"github.com/goedgesprek/goedgesprek/checklist/survey"
	"github.com/goedgesprek/goedgesprek/examples/internal/cli"
)

// surveyConfig is the employee survey on the command line: -survey FILE
// (a responses CSV, the round that decides the survey-based criteria) and
// -survey-before FILE (the 0-measurement it is compared with).
type surveyConfig struct {
	survey       string
	surveyBefore string
}

// surveyFlags declares -survey and -survey-before.
func surveyFlags(fs *flag.FlagSet, c *surveyConfig, h func(nl, en string) string) {
	fs.StringVar(&c.survey, "survey", "", h(
		"CSV met de antwoorden van een medewerkersenquête (één rij per respondent); beslist GG03-3, GG05-2 en GG11-3",
		"CSV of employee survey responses (one row per respondent); decides GG03-3, GG05-2 and GG11-3"))
	fs.StringVar(&c.surveyBefore, "survey-before", "", h(
		"CSV van een eerdere meting van dezelfde enquête (de nulmeting), om mee te vergelijken",
		"CSV of an earlier round of the same survey (the baseline) to compare with"))
}

// checkSurveyArgs refuses survey flags that do not go together.
func checkSurveyArgs(c surveyConfig, batch bool) error {
	switch {
	case c.surveyBefore != "" && c.survey == "":
		return cli.Usagef("-survey-before hoort bij -survey", "-survey-before goes with -survey")
	case batch && c.survey != "":
		return cli.Usagef("-batch beoordeelt veel organisaties: -survey hoort bij één zelfevaluatie", "-batch evaluates many organisations: -survey goes with a single assessment")
	}
	return nil
}

// loadRound reads a responses CSV and sums it up into a round.
func loadRound(path string) (survey.Round, error) {
	f, err := os.Open(path)
	if err != nil {
		return survey.Round{}, err
	}
	defer f.Close()
	rs, err := survey.ReadCSV(f)
	if err != nil {
		return survey.Round{}, err
	}
	return survey.Summarize(rs)
}

// surveyOptions loads the survey files into evaluation options. On a
// refused file it returns the file's name with the error.
func surveyOptions(c surveyConfig) ([]checklist.EvalOption, string, error) {
	if c.survey == "" {
		return nil, "", nil
	}
	r, err := loadRound(c.survey)
	if err != nil {
		return nil, c.survey, err
	}
	opts := []checklist.EvalOption{checklist.WithSurvey(r)}
	if c.surveyBefore != "" {
		b, err := loadRound(c.surveyBefore)
		if err != nil {
			return nil, c.surveyBefore, err
		}
		opts = append(opts, checklist.WithSurveyBaseline(b))
	}
	return opts, "", nil
}

// writeSurveyText writes the survey section of the text report.
func writeSurveyText(b *strings.Builder, v *view) {
	s := v.Survey
	if s == nil {
		return
	}
	L := s.L
	b.WriteString(L.Title + "\n" + strings.Repeat("-", width) + "\n")
	head := fmt.Sprintf("%s %s · %d %s", L.Round, s.Round, s.Respondents, L.Respondents)
	if s.Baseline != "" {
		head += fmt.Sprintf(" · %s %s · %d %s", L.Baseline, s.Baseline, s.BaselineRespondents, L.Respondents)
	}
	wrapTo(b, head, "", "  ")
	for i, d := range s.Decided {
		lead := pad(L.Decides+":", 10)
		if i > 0 {
			lead = pad("", 10)
		}
		fmt.Fprintf(b, "%s%s %s  %s %s, %s %s (%s)\n", lead, d.Mark, d.Criterion, L.Claimed, d.Claimed, L.Surveyed, d.Surveyed, d.Interval)
	}
	b.WriteString("\n")
	const qw = 28
	header := pad("", qw)
	if s.Baseline != "" {
		header += padLeft(s.Baseline, 6)
	}
	header += padLeft(s.Round, 8) + padLeft(L.Interval, 9)
	if s.Baseline != "" {
		header += padLeft(L.Change, 9) + padLeft(L.P, 9)
	}
	b.WriteString(header + padLeft(L.Pilot, 10) + "\n")
	for _, r := range s.Rows {
		if r.Theme != "" {
			b.WriteString(truncate(r.Theme, width) + "\n")
		}
		line := "  " + pad(truncate(r.Question, qw-3), qw-2)
		if s.Baseline != "" {
			line += padLeft(r.Before, 6)
		}
		line += padLeft(r.After, 8) + padLeft(r.Interval, 9)
		if s.Baseline != "" {
			ch := r.Change
			if r.Arrow != "" {
				ch += r.Arrow
			} else if ch != "" {
				ch += " "
			}
			p := ""
			if r.P != "" {
				star := " "
				if r.Significant {
					star = "*"
				}
				p = r.P + star + r.Test
			}
			line += padLeft(ch, 9) + padLeft(p, 9)
		}
		b.WriteString(line + padLeft(r.Pilot, 10) + "\n")
	}
	wrapTo(b, L.Legend, "", "")
	b.WriteString("\n")
}

// writeSurveyMarkdown writes the survey section of the Markdown report.
func writeSurveyMarkdown(b *strings.Builder, v *view) {
	s := v.Survey
	if s == nil {
		return
	}
	L := s.L
	fmt.Fprintf(b, "### %s\n\n", L.Title)
	fmt.Fprintf(b, "%s %s: %d %s", L.Round, s.Round, s.Respondents, L.Respondents)
	if s.Baseline != "" {
		fmt.Fprintf(b, "; %s %s: %d %s", L.Baseline, s.Baseline, s.BaselineRespondents, L.Respondents)
	}
	b.WriteString("\n\n")
	for _, d := range s.Decided {
		fmt.Fprintf(b, "- %s: %s %s, %s %s, %s %s (%s)\n", L.Decides, d.Mark, d.Criterion, L.Claimed, d.Claimed, L.Surveyed, d.Surveyed, d.Interval)
	}
	if len(s.Decided) > 0 {
		b.WriteString("\n")
	}
	if s.Baseline != "" {
		fmt.Fprintf(b, "| %s | %s | %s | %s | %s | %s | %s | |\n|---|---:|---:|---:|---:|---:|---:|---|\n", L.Question, s.Baseline, s.Round, L.Interval, L.Change, L.P, L.Pilot)
	} else {
		fmt.Fprintf(b, "| %s | %s | %s | %s | |\n|---|---:|---:|---:|---|\n", L.Question, s.Round, L.Interval, L.Pilot)
	}
	for _, r := range s.Rows {
		if r.Theme != "" {
			if s.Baseline != "" {
				fmt.Fprintf(b, "| **%s** | | | | | | | |\n", md(r.Theme))
			} else {
				fmt.Fprintf(b, "| **%s** | | | | |\n", md(r.Theme))
			}
		}
		crit := ""
		if r.Criteria != "" {
			crit = "`" + r.Criteria + "`"
		}
		if s.Baseline != "" {
			p := ""
			if r.P != "" {
				p = r.P
				if r.Significant {
					p += "\\*"
				}
				p += " " + r.Test
			}
			fmt.Fprintf(b, "| %s | %s | %s | %s | %s%s | %s | %s | %s |\n", md(r.Question), r.Before, r.After, r.Interval, r.Change, r.Arrow, p, r.Pilot, crit)
		} else {
			fmt.Fprintf(b, "| %s | %s | %s | %s | %s |\n", md(r.Question), r.After, r.Interval, r.Pilot, crit)
		}
	}
	fmt.Fprintf(b, "\n%s\n\n", md(L.Legend))
}
