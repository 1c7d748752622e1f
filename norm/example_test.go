package norm_test

import (
	"fmt"

	"github.com/goedgesprek/goedgesprek/norm"
)

// Classify turns the behaviours of one incident into its categories and
// severity; the most severe category decides.
func ExampleClassify() {
	c := norm.Classify([]norm.BehaviourCode{norm.Swearing, norm.DamagingProperty, norm.Whistling})
	for _, cat := range c.Categories {
		fmt.Println(cat, "-", cat.Label().In(norm.NL))
	}
	fmt.Println("worst:", c.Worst, "severity:", c.Severity)
	// Output:
	// verbal - verbale agressie
	// sexual - seksuele intimidatie
	// property - vernieling
	// worst: property severity: medium
}

// CheckNorm compares an organisation's own norm with the VPT baseline. This
// norm names only physical behaviour, adds its own verbal behaviour, and
// has not been published to clients.
func ExampleCheckNorm() {
	n := norm.OrgNorm{
		Behaviours: []norm.BehaviourCode{norm.Pushing, norm.Hitting, norm.Kicking, norm.Spitting},
		Extra: []norm.ExtraBehaviour{
			{Code: "cursing_on_phone", Category: norm.Verbal, Label: norm.T("vloeken aan de telefoon", "cursing on the phone")},
		},
		KnownToEmployees: []norm.EmployeeMedium{norm.EmployeeIntranet},
	}
	c := norm.CheckNorm(n)
	covered, total := norm.BaselineCoverage(n.Behaviours)
	fmt.Printf("baseline: %d of %d\n", covered, total)
	fmt.Println("missing categories:", c.MissingCategories)
	fmt.Println("known to employees:", c.KnownToEmployees, "to clients:", c.KnownToClients)
	fmt.Println("complete:", c.Complete())
	// Output:
	// baseline: 4 of 17
	// missing categories: [discrimination sexual threat]
	// known to employees: true to clients: false
	// complete: false
}

// CheckService finds the topics a service norm leaves out (item GG09).
func ExampleCheckService() {
	s := norm.ServiceNorm{
		Turnaround: []norm.Turnaround{{Request: norm.T("aanvraag", "application"), Days: 56}},
		Reachability: []norm.Reachability{
			{Channel: norm.ChannelPhone, Hours: norm.T("ma-vr 9-17 uur", "Mon-Fri 9-17")},
		},
		KnownToEmployees: []norm.EmployeeMedium{norm.EmployeeTeamMeeting},
		KnownToClients:   []norm.ClientMedium{norm.ClientWebsite},
	}
	c := norm.CheckService(s)
	for _, t := range c.MissingTopics {
		fmt.Println("missing:", t.Label().In(norm.NL), "/", t.Label().In(norm.EN))
	}
	fmt.Println("complete:", c.Complete())
	// Output:
	// missing: bejegening / treatment of clients
	// complete: false
}

// The traffic light says what to do in each phase of a conversation.
func ExampleTrafficLight() {
	red := norm.Red.Info()
	fmt.Println(red.Label.In(norm.EN) + ":")
	for _, a := range red.Actions {
		fmt.Println("-", a.In(norm.EN))
	}
	// Output:
	// red:
	// - keep a cool head and stay calm
	// - press the alarm button to call security
	// - know where the escape route is
	// - register the incident
}

// Unknown codes are refused with an error that names the allowed ones.
func ExampleParseChannel() {
	_, err := norm.ParseChannel("fax")
	fmt.Println(err)
	// Output:
	// unknown channel "fax"; allowed: desk, phone, written, hearing, email, chat, home_visit, outside
}
