package clean

// Kind is the kind of a block of the cleaned article.
type Kind string

// Block kinds.
const (
	Heading   Kind = "heading"
	Paragraph Kind = "paragraph"
	Quote     Kind = "quote"
	List      Kind = "list"
)

// Block is one block of the article, in reading order. List items are
// separated by newlines in Text.
type Block struct {
	Kind  Kind   `json:"kind"`
	Text  string `json:"text"`
	Level int    `json:"level,omitempty"`
}

// Reason says why a piece of the input is not article text.
type Reason string

// Reasons for removal. Each names a kind of page furniture, so that a
// reader of the JSON can audit the filter.
const (
	ReasonBrief             Reason = "brief"              // instruction to the writer
	ReasonByline            Reason = "byline"             // moved to metadata
	ReasonDateline          Reason = "dateline"           // moved to metadata
	ReasonDate              Reason = "date"               // publication date line, moved to metadata
	ReasonCommentForm       Reason = "comment-form"       // comment form and its labels
	ReasonShare             Reason = "share-buttons"      // share and social buttons
	ReasonPluginError       Reason = "plugin-error"       // a widget's error message
	ReasonSitePromo         Reason = "site-promo"         // the site's self-description, calls to action
	ReasonRating            Reason = "rating-widget"      // "Notez cet article"
	ReasonAuthorAvatar      Reason = "author-avatar"      // avatar and author-role lines
	ReasonCategory          Reason = "category-crumb"     // category, section or breadcrumb
	ReasonCaption           Reason = "photo-caption"      // a photo's caption or credit
	ReasonJobAds            Reason = "job-ads"            // job advertisement titles
	ReasonRelatedHeadline   Reason = "related-headline"   // another story's headline inside or after the article
	ReasonUnrelatedHeadline Reason = "unrelated-headline" // a headline on another subject after the article
	ReasonNavigation        Reason = "navigation"         // menus, "lire aussi", links to other pages
	ReasonLegal             Reason = "legal"              // copyright, cookies, terms
	ReasonAd                Reason = "advertising"        // "Publicité", sponsored content
	ReasonGarbage           Reason = "garbage"            // a stray fragment ("in")
	ReasonBoilerplate       Reason = "boilerplate"        // short lines outside the article body
	ReasonOutside           Reason = "outside-article"    // prose that is not part of the article
	ReasonDuplicate         Reason = "duplicate"          // a repeat of the title or of a paragraph
)

// Removal is a piece of the input that is not article text.
type Removal struct {
	Text   string `json:"text"`
	Reason Reason `json:"reason"`
}

// Brief is an editor's instruction pasted with the copy ("Make this article
// SEO compatible… at least 700 words"). It is never article text.
type Brief struct {
	MinWords    int    `json:"min_words"`
	Language    string `json:"language"`
	Subheadings bool   `json:"subheadings"`
	SEO         bool   `json:"seo"`
	Keyphrase   string `json:"keyphrase"`
	Raw         string `json:"raw"`
}

// Document is a cleaned article with its metadata.
type Document struct {
	Title     string    `json:"title"`
	Byline    string    `json:"byline"`
	Dateline  string    `json:"dateline"`
	Date      string    `json:"date"`
	Site      string    `json:"site"`
	URL       string    `json:"url,omitempty"`
	Language  string    `json:"language"`
	Brief     *Brief    `json:"brief"`
	Blocks    []Block   `json:"blocks"`
	Removed   []Removal `json:"removed"`
	WordCount int       `json:"word_count"`
}

// Paragraphs returns the text of the article's paragraph and quote blocks.
func (d *Document) Paragraphs() []string {
	var out []string
	for _, b := range d.Blocks {
		if b.Kind == Paragraph || b.Kind == Quote {
			out = append(out, b.Text)
		}
	}
	return out
}
