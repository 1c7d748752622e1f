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
	ChannelWritten:   T("schriftelijk of backoffice", "written or back office"),
	ChannelHearing:   T("hoorzitting", "hearing"),
	ChannelEmail:     T("e-mail", "e-mail"),
	ChannelChat:      T("chat of berichtenapp", "chat or messaging"),
	ChannelHomeVisit: T("huisbezoek", "home visit"),
	ChannelOutside:   T("buiten", "outside"),
}

// Channels lists every channel.
func Channels() []Channel { return append([]Channel(nil), channels...) }

// ParseChannel parses a channel code.
func ParseChannel(s string) (Channel, error) { return ParseCode("channel", s, channels) }

// Label gives the channel's bilingual label.
func (c Channel) Label() Text { return channelLabels[c] }

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
