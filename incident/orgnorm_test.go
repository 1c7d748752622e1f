package incident_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/goedgesprek/goedgesprek/incident"
	"github.com/goedgesprek/goedgesprek/incident/storetest"
	"github.com/goedgesprek/goedgesprek/norm"
)

// ownDoc is the sample incident document with the organisation's own code
// refusing_to_leave in place of threatening, and whatever norm is given.
func ownDoc(t *testing.T, normPart string) string {
	t.Helper()
	doc := string(readFile(t, "testdata/incident.json"))
	doc = strings.Replace(doc, `["shouting", "threatening"]`, `["shouting", "refusing_to_leave"]`, 1)
	if normPart != "" {
		doc = strings.Replace(doc, `"phase": "red",`, `"phase": "red", "norm": `+normPart+`,`, 1)
	}
	return doc
}

// problemsOf returns "pointer code" for each problem of a *norm.Error.
func problemsOf(t *testing.T, err error) []string {
	t.Helper()
	var ne *norm.Error
	require.ErrorAs(t, err, &ne)
	var out []string
	for _, p := range ne.Problems {
		out = append(out, p.Pointer+" "+string(p.Code))
	}
	return out
}

func TestDecodeIncidentOwnBehaviours(t *testing.T) {
	n := storetest.OrgNorm()
	withNorm := incident.WithNorm(storetest.OrgNormID, n)

	t.Run("classified by the norm given", func(t *testing.T) {
		inc, err := incident.DecodeIncident(strings.NewReader(ownDoc(t, "")), withNorm)
		require.NoError(t, err)
		assert.Equal(t, &incident.NormRef{ID: storetest.OrgNormID,
			Behaviours: []incident.OwnBehaviour{{Code: "refusing_to_leave", Category: norm.Threat}}}, inc.Norm)
		assert.Equal(t, []norm.Category{norm.Verbal, norm.Threat}, inc.Classification().Categories)
		assert.Equal(t, norm.SeverityHigh, inc.Classification().Severity)

		// Written and read back without the norm: the incident carries
		// the classification it was registered under.
		var buf bytes.Buffer
		require.NoError(t, incident.EncodeIncident(&buf, inc))
		back, err := incident.DecodeIncident(&buf)
		require.NoError(t, err)
		assert.True(t, incident.Same(&inc, &back))
		assert.Equal(t, inc.Classification(), back.Classification())
	})

	t.Run("refused without a norm", func(t *testing.T) {
		_, err := incident.DecodeIncident(strings.NewReader(ownDoc(t, "")))
		assert.Equal(t, []string{"/behaviours/1 enum"}, problemsOf(t, err))
		var ne *norm.Error
		require.ErrorAs(t, err, &ne)
		assert.Contains(t, ne.Problems[0].Message.EN, `"refusing_to_leave"`)
		assert.NotEmpty(t, ne.Problems[0].Message.NL)
	})

	t.Run("refused when the norm does not define it", func(t *testing.T) {
		doc := strings.Replace(ownDoc(t, ""), `"refusing_to_leave"`, `"spitting_on_the_floor"`, 1)
		_, err := incident.DecodeIncident(strings.NewReader(doc), withNorm)
		assert.Equal(t, []string{"/behaviours/1 enum"}, problemsOf(t, err))
		var ne *norm.Error
		require.ErrorAs(t, err, &ne)
		assert.Contains(t, ne.Problems[0].Message.EN, storetest.OrgNormID)
	})

	t.Run("not a code", func(t *testing.T) {
		doc := strings.Replace(ownDoc(t, ""), `"refusing_to_leave"`, `"Refusing to leave"`, 1)
		_, err := incident.DecodeIncident(strings.NewReader(doc), withNorm)
		probs := problemsOf(t, err)
		require.NotEmpty(t, probs)
		assert.True(t, strings.HasPrefix(probs[0], "/behaviours/1 "), probs)
	})

	for name, tt := range map[string]struct {
		norm string
		opts []incident.DecodeOption
		want []string
	}{
		"document's norm, read without the norm": {
			norm: `{"id": "UDN-1", "behaviours": [{"code": "refusing_to_leave", "category": "threat"}]}`,
		},
		"document's norm disagrees with the norm given": {
			norm: `{"id": "` + storetest.OrgNormID + `", "behaviours": [{"code": "refusing_to_leave", "category": "verbal"}]}`,
			opts: []incident.DecodeOption{withNorm},
			want: []string{"/norm/behaviours/0/category reference"},
		},
		"document under another norm": {
			norm: `{"id": "OTHER-1", "behaviours": [{"code": "refusing_to_leave", "category": "threat"}]}`,
			opts: []incident.DecodeOption{withNorm},
			want: []string{"/norm/id reference"},
		},
		"unknown category": {
			norm: `{"id": "UDN-1", "behaviours": [{"code": "refusing_to_leave", "category": "rude"}]}`,
			want: []string{"/norm/behaviours/0/category enum"},
		},
		"catalogue code, unused code, code twice": {
			norm: `{"id": "UDN-1", "behaviours": [{"code": "refusing_to_leave", "category": "threat"},
				{"code": "shouting", "category": "physical"}, {"code": "filming_staff", "category": "verbal"},
				{"code": "refusing_to_leave", "category": "threat"}]}`,
			want: []string{"/norm/behaviours/1/code duplicate", "/norm/behaviours/2/code reference", "/norm/behaviours/3/code duplicate"},
		},
		"norm without a name": {
			norm: `{"behaviours": [{"code": "refusing_to_leave", "category": "threat"}]}`,
			want: []string{"/norm/id required"},
		},
	} {
		t.Run(name, func(t *testing.T) {
			inc, err := incident.DecodeIncident(strings.NewReader(ownDoc(t, tt.norm)), tt.opts...)
			if tt.want == nil {
				require.NoError(t, err)
				assert.Equal(t, []norm.Category{norm.Verbal, norm.Threat}, inc.Classification().Categories)
				return
			}
			assert.Equal(t, tt.want, problemsOf(t, err))
		})
	}
}

// Statistics count an own behaviour under the category of its norm, and a
// catalogue code keeps the catalogue's category whatever a norm says.
func TestStatisticsCountOwnBehaviours(t *testing.T) {
	a := storetest.OwnSample("A", storetest.From)
	b := storetest.Sample("B", storetest.From)
	b.Behaviours = incident.Behaviours{"filming_staff"}
	b.UnderNorm(storetest.OrgNormID, storetest.OrgNorm())
	c := storetest.Sample("C", storetest.From)
	c.Behaviours = incident.Behaviours{"filming_staff"} // no norm: refused, counted under nothing
	require.Error(t, incident.Validate(&c))

	st := incident.StatsOf([]incident.Incident{a, b, c})
	assert.Equal(t, 3, st.Total)
	assert.Equal(t, map[norm.Category]int{norm.Verbal: 2, norm.Threat: 1}, st.ByCategory)
	assert.Equal(t, map[norm.Severity]int{norm.SeverityHigh: 1, norm.SeverityLow: 1}, st.BySeverity)
}

// When the schema refuses a document for something else, an unknown code
// is reported in the same round, and a code of the norm given is not.
func TestDecodeIncidentUnknownCodeWithOtherProblems(t *testing.T) {
	doc := strings.Replace(ownDoc(t, ""), `"channel": "desk"`, `"channel": "fax"`, 1)
	_, err := incident.DecodeIncident(strings.NewReader(doc))
	assert.Equal(t, []string{"/behaviours/1 enum", "/channel enum"}, problemsOf(t, err))
	_, err = incident.DecodeIncident(strings.NewReader(doc), incident.WithNorm(storetest.OrgNormID, storetest.OrgNorm()))
	assert.Equal(t, []string{"/channel enum"}, problemsOf(t, err))
}
