package typo

// The spaces French typography uses, named for readability.
const (
	// NBSP is U+00A0 NO-BREAK SPACE, the espace insécable of the Lexique.
	NBSP = "\u00a0"
	// NNBSP is U+202F NARROW NO-BREAK SPACE, the espace fine insécable.
	NNBSP = "\u202f"
)

// Rule names reported in Issue.Rule. They are stable identifiers: the
// checks of plume and its users match on them.
const (
	RuleQuotes         = "typo.quotes"            // « » instead of " “ ” ``…''; spaces inside « »
	RuleNbspBeforeHigh = "typo.nbsp_before_colon" // no-break space before : ; ! ?
	RuleApostrophe     = "typo.apostrophe"        // ’ instead of ' inside words
	RuleNumberGrouping = "typo.number_grouping"   // 30 000 with a narrow no-break space
	RuleEllipsis       = "typo.ellipsis"          // … instead of ..., etc. instead of etc...
	RuleOrdinal        = "typo.ordinal"           // 2e, 1re instead of 2ème, 1ère
	RuleDash           = "typo.dash"              // – instead of a spaced hyphen
	RuleSpacing        = "typo.spacing"           // double spaces, spaces before , . ), units, M. Dupont
)

// Style chooses between the conventions French publishers disagree on. The
// zero Style uses U+00A0 everywhere and turns the optional rewrites off;
// DefaultStyle is plume's house style.
type Style struct {
	// ThinBeforeHighPunct puts U+202F (fine insécable) before ; ! ? instead
	// of U+00A0. Most French publishers that typeset for the web do.
	ThinBeforeHighPunct bool
	// ThinBeforeColon puts U+202F before : instead of U+00A0. The Lexique
	// asks for a full-width space before the colon, hence false by default.
	ThinBeforeColon bool
	// ThinInsideGuillemets puts U+202F inside « » instead of U+00A0.
	ThinInsideGuillemets bool
	// GroupFourDigits groups four-digit numbers (1 500 €) when a unit,
	// currency or % follows them. Four-digit numbers without a unit are left
	// alone because they are mostly years (en 2021) and the Lexique allows
	// 1500 as well as 1 500.
	GroupFourDigits bool
	// Ordinals rewrites ordinal suffixes: 2ème → 2e, 1ère → 1re,
	// 2nde → 2de, XIXème → XIXe. It is the only rule that changes letters.
	Ordinals bool
	// TitleNbsp puts U+00A0 between a civility abbreviation (M., Mme, MM.,
	// Mlle, Dr, Pr, Mgr) and the capitalised name that follows, so the two
	// never part at a line end.
	TitleNbsp bool
}

// DefaultStyle returns plume's house style: U+202F before ; ! ?, U+00A0
// before : and inside « », four-digit amounts grouped, ordinals rewritten,
// no-break space after M. and Mme.
func DefaultStyle() Style {
	return Style{
		ThinBeforeHighPunct: true,
		GroupFourDigits:     true,
		Ordinals:            true,
		TitleNbsp:           true,
	}
}

// spaces holds the concrete gap strings a Style asks for.
type spaces struct {
	high, colon, guil string
}

func (st Style) spaces() spaces {
	sp := spaces{high: NBSP, colon: NBSP, guil: NBSP}
	if st.ThinBeforeHighPunct {
		sp.high = NNBSP
	}
	if st.ThinBeforeColon {
		sp.colon = NNBSP
	}
	if st.ThinInsideGuillemets {
		sp.guil = NNBSP
	}
	return sp
}
