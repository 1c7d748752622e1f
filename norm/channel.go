package norm

// Channel is a way in which clients and employees meet: where an incident
// happens and where a service norm promises reachability.
type Channel string

// The channels. The first four come from the pilot (001, 4.3.1); the
// digital ones from the contact centre of seed 004.
const (
	ChannelDesk      Channel = "desk"       // balie
	ChannelPhone     Channel = "phone"      // telefoon
	ChannelWritten   Channel = "written"    // schriftelijk of backoffice
	ChannelHearing   Channel = "hearing"    // hoorzitting
	ChannelEmail     Channel = "email"      // e-mail
	ChannelChat      Channel = "chat"       // chat of berichtenapp
	ChannelHomeVisit Channel = "home_visit" // huisbezoek
	ChannelOutside   Channel = "outside"    // buiten, op straat
)

var channels = []Channel{ChannelDesk, ChannelPhone, ChannelWritten, ChannelHearing, ChannelEmail, ChannelChat, ChannelHomeVisit, ChannelOutside}

var channelLabels = map[Channel]Text{
	ChannelDesk:      T("balie", "desk"),
	ChannelPhone:     T("telefoon", "phone"),
	ChannelWritten:   T("schriftelijk of backoffice", "in writing or back office"),
	ChannelHearing:   T("hoorzitting", "hearing"),
	ChannelEmail:     T("e-mail", "e-mail"),
	ChannelChat:      T("chat of berichtenapp (zoals WhatsApp)", "chat or messaging app (such as WhatsApp)"),
	ChannelHomeVisit: T("huisbezoek", "home visit"),
	ChannelOutside:   T("buiten, op straat", "outside, in the street"),
}

// channelSources: desk, phone and back office are the pilot's groups
// (001, 4.1); hearings are where the hearing officers of 001, 2.2.3 meet
// clients; e-mail and chat come from the contact centre of seed 004. Home
// visits and work in the street are the project's additions for the public
// workers that TNO's figures cover beyond the IND (001, 2.1.3).
var channelSources = map[Channel]Source{
	ChannelDesk:      {Seed: "001", Section: "4.1"},
	ChannelPhone:     {Seed: "001", Section: "4.1"},
	ChannelWritten:   {Seed: "001", Section: "4.1"},
	ChannelHearing:   {Seed: "001", Section: "2.2.3"},
	ChannelEmail:     {Seed: "004"},
	ChannelChat:      {Seed: "004"},
	ChannelHomeVisit: srcAggr,
	ChannelOutside:   srcAggr,
}

// Channels lists every channel.
func Channels() []Channel { return append([]Channel(nil), channels...) }

// ParseChannel parses a channel code.
func ParseChannel(s string) (Channel, error) { return ParseCode("channel", s, channels) }

// Label gives the channel's bilingual label.
func (c Channel) Label() Text { return channelLabels[c] }

// Source says where the channel comes from (zero when unknown).
func (c Channel) Source() Source { return channelSources[c] }

// Valid reports whether c is a known channel.
func (c Channel) Valid() bool { _, ok := channelLabels[c]; return ok }

func (c Channel) String() string { return string(c) }

// MarshalText implements encoding.TextMarshaler.
func (c Channel) MarshalText() ([]byte, error) { return MarshalCode("channel", c, channels) }

// UnmarshalText implements encoding.TextUnmarshaler.
func (c *Channel) UnmarshalText(b []byte) error {
	v, err := ParseChannel(string(b))
	if err != nil {
		return err
	}
	*c = v
	return nil
}
