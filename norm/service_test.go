package norm_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/goedgesprek/goedgesprek/norm"
)

func fullService() norm.ServiceNorm {
	return norm.ServiceNorm{
		Turnaround: []norm.Turnaround{
			{Request: norm.T("aanvraag verblijfsvergunning", "residence permit application"), Days: 90},
			{Request: norm.T("terugbelverzoek", "call-back request"), Days: 1, WorkingDays: true},
		},
		Reachability: []norm.Reachability{
			{Channel: norm.ChannelPhone, Hours: norm.T("ma-vr 9.00-17.00 uur", "Mon-Fri 9:00-17:00")},
			{Channel: norm.ChannelChat, Hours: norm.T("dag en nacht", "day and night")},
		},
		Treatment:        []norm.Text{norm.T("U wordt bij naam aangesproken.", "We address you by name.")},
		KnownToEmployees: []norm.EmployeeMedium{norm.EmployeeInstruction},
		KnownToClients:   []norm.ClientMedium{norm.ClientWebsite},
	}
}

func TestCheckService(t *testing.T) {
	tests := []struct {
		name    string
		edit    func(*norm.ServiceNorm)
		missing []norm.ServiceTopic
		emp, cl bool
	}{
		{"complete", func(*norm.ServiceNorm) {}, []norm.ServiceTopic{}, true, true},
		{"empty", func(s *norm.ServiceNorm) { *s = norm.ServiceNorm{} }, norm.ServiceTopics(), false, false},
		{"no turnaround", func(s *norm.ServiceNorm) { s.Turnaround = nil }, []norm.ServiceTopic{norm.TopicTurnaround}, true, true},
		{"only negative turnaround", func(s *norm.ServiceNorm) {
			s.Turnaround = []norm.Turnaround{{Request: norm.T("x", "x"), Days: -1}}
		}, []norm.ServiceTopic{norm.TopicTurnaround}, true, true},
		{"turnaround without request", func(s *norm.ServiceNorm) {
			s.Turnaround = []norm.Turnaround{{Days: 5}}
		}, []norm.ServiceTopic{norm.TopicTurnaround}, true, true},
		{"same-day turnaround counts", func(s *norm.ServiceNorm) {
			s.Turnaround = []norm.Turnaround{{Request: norm.T("vraag", "question"), Days: 0}}
		}, []norm.ServiceTopic{}, true, true},
		{"no reachability", func(s *norm.ServiceNorm) { s.Reachability = nil }, []norm.ServiceTopic{norm.TopicReachability}, true, true},
		{"reachability of an unknown channel", func(s *norm.ServiceNorm) {
			s.Reachability = []norm.Reachability{{Channel: "fax", Hours: norm.T("altijd", "always")}}
		}, []norm.ServiceTopic{norm.TopicReachability}, true, true},
		{"reachability without hours", func(s *norm.ServiceNorm) {
			s.Reachability = []norm.Reachability{{Channel: norm.ChannelDesk}}
		}, []norm.ServiceTopic{norm.TopicReachability}, true, true},
		{"blank treatment", func(s *norm.ServiceNorm) { s.Treatment = []norm.Text{norm.T(" ", "")} },
			[]norm.ServiceTopic{norm.TopicTreatment}, true, true},
		{"Dutch-only treatment counts", func(s *norm.ServiceNorm) { s.Treatment = []norm.Text{{NL: "vriendelijk"}} },
			[]norm.ServiceTopic{}, true, true},
		{"not known to clients", func(s *norm.ServiceNorm) { s.KnownToClients = []norm.ClientMedium{"radio"} },
			[]norm.ServiceTopic{}, true, false},
		{"not known to employees", func(s *norm.ServiceNorm) { s.KnownToEmployees = nil },
			[]norm.ServiceTopic{}, false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := fullService()
			tt.edit(&s)
			got := norm.CheckService(s)
			assert.Equal(t, tt.missing, got.MissingTopics)
			assert.Equal(t, tt.emp, got.KnownToEmployees)
			assert.Equal(t, tt.cl, got.KnownToClients)
			assert.Equal(t, len(tt.missing) == 0, got.CoversTopics())
			assert.Equal(t, len(tt.missing) == 0 && tt.emp && tt.cl, got.Complete())
		})
	}
}

func TestServiceNormValidate(t *testing.T) {
	require.NoError(t, fullService().Validate())

	s := norm.ServiceNorm{
		Turnaround: []norm.Turnaround{
			{Request: norm.T("a", "a"), Days: -3},
			{Days: norm.MaxTurnaroundDays + 1},
			{Request: norm.T("b", "b"), Days: norm.MaxTurnaroundDays},
		},
		Reachability: []norm.Reachability{
			{Channel: norm.ChannelDesk, Hours: norm.T("9-17", "9-17")},
			{Channel: norm.ChannelDesk, Hours: norm.T("9-12", "9-12")},
			{Channel: "fax", Hours: norm.T("x", "x")},
			{Hours: norm.T("", "")},
		},
		Treatment:        []norm.Text{{}},
		KnownToEmployees: []norm.EmployeeMedium{"poster"},
		KnownToClients:   []norm.ClientMedium{"radio"},
	}
	err := s.Validate()
	var e *norm.Error
	require.ErrorAs(t, err, &e)
	require.ErrorIs(t, err, norm.ErrInvalid)
	want := []struct {
		ptr  string
		code norm.ProblemCode
	}{
		{"/turnaround/0/days", norm.CodeRange},
		{"/turnaround/1/request", norm.CodeRequired},
		{"/turnaround/1/days", norm.CodeRange},
		{"/reachability/1/channel", norm.CodeDuplicate},
		{"/reachability/2/channel", norm.CodeEnum},
		{"/reachability/3/channel", norm.CodeRequired},
		{"/reachability/3/hours", norm.CodeRequired},
		{"/treatment/0", norm.CodeRequired},
		{"/known_to_employees/0", norm.CodeEnum},
		{"/known_to_clients/0", norm.CodeEnum},
	}
	for _, w := range want {
		assert.True(t, e.Has(w.ptr, w.code), "missing %s %s in\n%s", w.ptr, w.code, e)
	}
	assert.Len(t, e.Problems, len(want))
	assert.Contains(t, e.In(norm.NL), "-3 dagen")
	assert.Contains(t, e.In(norm.EN), "-3 days")
}

func TestServiceNormJSON(t *testing.T) {
	s := fullService()
	out, err := json.Marshal(s)
	require.NoError(t, err)
	var back norm.ServiceNorm
	require.NoError(t, json.Unmarshal(out, &back))
	assert.Equal(t, s, back)

	err = json.Unmarshal([]byte(`{"reachability":[{"channel":"fax","hours":{"nl":"x","en":"x"}}]}`), &back)
	require.ErrorIs(t, err, norm.ErrUnknownCode)
}
