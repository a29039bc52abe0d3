package clean

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The patterns below recognise page furniture by its wording, in French and
// English, the two languages French pages mix in their widgets. They were
// written by the plume authors from the furniture of real pages; each rule
// is anchored and bounded in length so that article prose that merely
// mentions a comment or a share does not match.

// rule classifies one line as furniture of some kind.
type rule struct {
	reason Reason
	// maxWords bounds the lines the rule may match; 0 means no bound.
	maxWords int
	re       *regexp.Regexp
	// triggers, when set, are lower-case strings one of which a line must
	// contain for the rule to be tried: a cheap test that spares the
	// regular expression most lines of prose.
	triggers []string
}

var rules = []rule{
	{ReasonCommentForm, 25, regexp.MustCompile(`(?i)^(?:(laisser|laissez|poster|publier|écrire|ajouter) (un|votre) commentaire|(leave a (reply|comment)|post a comment|add a comment|write a comment)|votre adresse (e-?mail|électronique|de messagerie) ne sera pas publiée|your email address will not be published|les champs obligatoires sont indiqués|required fields are marked|(annuler|cancel) (la )?(réponse|reply)|enregistrer mon nom|save my name|(publier|poster|envoyer) (le )?commentaire$|(commentaire|comment|nom|name|e-?mail|site( web)?|website|répondre|reply|\d+ (commentaires?|comments?))\s*\*?\s*:?$|(il n'y a|aucun) (pas encore de |)commentaires?|(be the first|soyez le premier) )`), nil},
	{ReasonShare, 12, regexp.MustCompile(`(?i)^(?:(share|partager|partagez|partage|share this|partager (cet |l'|l’)article|partager sur \w+|tweet|tweeter|envoyer par e-?mail|imprimer|print|copier le lien|copy link)\s*(this|:)?\s*:?$|((facebook|twitter|x|linkedin|whatsapp|pinterest|reddit|telegram|messenger|email|e-mail|flipboard|bluesky)\s*[,|·/]?\s*){1,8}$)`), nil},
	{ReasonPluginError, 20, regexp.MustCompile(`(?i)\b(app key|api key|api_key)\b.*\bnot set\b|please check (your )?settings|^(error|erreur)\s*:|javascript (is|est) (disabled|désactivé)|enable javascript|activez javascript|veuillez activer`), []string{"key", "settings", "error", "erreur", "javascript"}},
	{ReasonRating, 10, regexp.MustCompile(`(?i)^(?:(notez|noter|évaluez|votez pour) (cet |l'|l’)article|(rate this|rate the) (article|post)|(note|rating)\s*:\s*\d|[★☆✩✭⭐]{1,5}|\d([.,]\d)?\s*/\s*5\s*(\(\d+ (votes?|avis)\))?$|(cet article vous a-t-il été utile|was this (article|helpful)))`), nil},
	{ReasonAuthorAvatar, 4, regexp.MustCompile(`(?i)^(?:(avatar( photo)?|photo de l'auteur|author (photo|avatar)|administrator|administrateur|admin|editor|éditeur|webmaster|auteur|author|rédaction|la rédaction|contributor|contributeur)$)`), nil},
	{ReasonSitePromo, 30, regexp.MustCompile(`(?i)\b(est un (journal|site|média|magazine|quotidien|portail|blog)( d'information| électronique| en ligne)?|nous sommes disponibles|appelez-nous|contactez-nous|abonnez-vous|inscrivez-vous à (notre|la) newsletter|suivez-nous|rejoignez-nous|téléchargez (notre|l')appli|subscribe to our|sign up for our|follow us on|recevez (notre|nos|chaque)|newsletter gratuite)\b`), []string{"est un", "disponibles", "appelez", "contactez", "abonnez", "inscrivez", "suivez", "rejoignez", "téléchargez", "subscribe", "sign up", "follow us", "recevez", "newsletter"}},
	{ReasonJobAds, 120, regexp.MustCompile(`(?i)^(recrutement|offres? d'emploi|nous recrutons|on recrute|job offer|we are hiring|postulez|candidature)\b|\b[hf]\s*/\s*[hf]\b`), []string{"recrut", "emploi", "job", "hiring", "postul", "candidature", "/"}},
	{ReasonNavigation, 30, regexp.MustCompile(`(?i)^(?:(lire (aussi|la suite|plus)|[àa] lire (aussi|également)|voir aussi|sur le même (sujet|thème)|dans la même rubrique|articles? (similaires|liés|connexes)|read (more|also)|related (articles|posts|stories)|en savoir plus|plus d'articles|dernières (news|actus?|informations|nouvelles)( sur)?|(articles )?les plus (lus|partagés|commentés)|à la une|l'actu|toute l'actu|nos (autres )?articles|vous aimerez aussi|vous pourriez aimer|à découvrir|recommandé pour vous)\b\s*:?)`), nil},
	{ReasonNavigation, 4, regexp.MustCompile(`(?i)^(?:(page suivante|page précédente|suivant|précédent|next|previous|accueil|home|menu|rechercher|recherche|search|se connecter|connexion|mon compte|s'abonner|log ?in|sign ?in|retour en haut|back to top|tags?|mots-clés|catégories?|rubriques?|fermer|close)\s*:?\s*[»›>]?$)`), nil},
	{ReasonLegal, 40, regexp.MustCompile(`(?i)©|\(c\) \d{4}|tous droits réservés|all rights reserved|politique de confidentialité|privacy policy|mentions légales|conditions générales|terms of (use|service)|(nous|ce site) utilis(ons|e) des cookies|we use cookies|accepter (les|tous les) cookies|gérer (mes|les) cookies`), []string{"©", "(c)", "droits", "rights", "confidentialité", "privacy", "mentions", "conditions", "terms", "cookies"}},
	{ReasonAd, 6, regexp.MustCompile(`(?i)^(?:(publicité|advertisement|sponsorisé|sponsored|contenu sponsorisé|annonce|ad|pub)$)`), nil},
	{ReasonCaption, 25, regexp.MustCompile(`(?i)^(photo|image|image d'illustration|image illustrative|photo d'illustration|illustration|crédits?( photos?)?|photo credits?|vidéo)\s*:|^\(?(photo|image) (by|de|par)\b|(getty images|afp photo|/ ?afp|/ ?reuters|shutterstock|istock|\bap photo)\)?\.?$|^©`), []string{"photo", "image", "illustration", "crédit", "credit", "vidéo", "getty", "afp", "reuters", "shutterstock", "istock", "©"}},
}

var (
	// Par Raphaël Satter · Written by Fama · Publié par la rédaction
	bylineRe = regexp.MustCompile(`^(?i:par|by|written by|écrit par|rédigé par|publié par|posted by|auteur\s*:|author\s*:|texte\s*:|un texte de|un article de|un reportage de|une enquête de)\s+(.+)$`)
	// WASHINGTON (Reuters) – · PARIS, 3 mars (AFP) - · (AFP) —
	datelineRe = regexp.MustCompile(`^((?:[\p{Lu}][\p{Lu}'’. -]{1,40}[\p{Lu}])?(?:,\s*[^()]{1,30})?\s*\((?i:AFP|Reuters|AP|Associated Press|Bloomberg|Belga|ATS|Xinhua|dpa|ANSA|EFE|Relaxnews|APS|MAP|TAP|CNN)\)\s*[-–—:]\s*)`)
	// Publié le 12 mars 2021 à 10h30 · Mis à jour le … · Posted on March 3, 2021
	dateLineRe = regexp.MustCompile(`(?i)^(publié|mis à jour|modifié|actualisé|posted|published|updated)( (le|on))?\s*:?\s*(lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)?\s*\d{1,2}(er)?[ /.-]\s*(\p{L}+\.?|\d{1,2})[ /.-]\s*\d{2,4}|^(le )?\d{1,2}(er)? (janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre) \d{4}( à \d{1,2}[h:]\d{0,2})?$|^\d{1,2}/\d{1,2}/\d{2,4}( \d{1,2}[h:]\d{2})?$`)
)

// matchRule returns the furniture reason of a line, if any.
func matchRule(text string, nwords int) (Reason, bool) {
	lower := "" // lower-cased once, only when a rule needs it
	for _, r := range rules {
		if r.maxWords > 0 && nwords > r.maxWords {
			continue
		}
		if len(r.triggers) > 0 {
			if lower == "" {
				lower = strings.ToLower(text)
			}
			if !containsAny(lower, r.triggers) {
				continue
			}
		}
		if r.re.MatchString(text) {
			return r.reason, true
		}
	}
	if isJobList(text) {
		return ReasonJobAds, true
	}
	if isCrumb(text) {
		return ReasonCategory, true
	}
	if isGarbage(text, nwords) {
		return ReasonGarbage, true
	}
	return "", false
}

// byline returns the author named by a byline line ("Par Raphaël Satter").
// The name must look like one: one to five capitalised words, optionally
// joined by "et", "and" or a particle.
func byline(text string, nwords int) (string, bool) {
	if nwords > 9 {
		return "", false
	}
	m := bylineRe.FindStringSubmatch(text)
	if m == nil {
		return "", false
	}
	name := strings.TrimRight(m[1], " .,;")
	caps := 0
	for _, w := range strings.Fields(name) {
		// « Frédéric Zalac d’Enquête »: the programme the author writes for.
		for _, e := range []string{"d’", "d'"} {
			w = strings.TrimPrefix(w, e)
		}
		r, _ := utf8.DecodeRuneInString(w)
		switch {
		case unicode.IsUpper(r):
			caps++
		case isParticle(w):
		default:
			return "", false
		}
	}
	if caps == 0 {
		return "", false
	}
	return name, true
}

func isParticle(w string) bool {
	switch strings.ToLower(w) {
	case "et", "and", "&", "de", "du", "des", "von", "van", "der", "le", "la", "al", "ben", "bin", "da", "di", "dos", "-", "avec", "with", "à", "in", "|", "la rédaction":
		return true
	}
	return false
}

// dateline splits a leading wire dateline ("WASHINGTON (Reuters) – ") from
// the paragraph it opens.
func dateline(text string) (line, rest string, ok bool) {
	m := datelineRe.FindStringIndex(text)
	if m == nil || m[1] >= len(text) {
		return "", text, false
	}
	return strings.TrimRight(strings.TrimSpace(text[:m[1]]), "-–—: "), strings.TrimSpace(text[m[1]:]), true
}

// isJobList recognises a run of job titles separated by slashes, as job
// boards' widgets print them.
func isJobList(text string) bool {
	parts := strings.Split(text, "/")
	if len(parts) < 4 {
		return false
	}
	titled := 0
	for _, p := range parts {
		p = strings.TrimSpace(p)
		if p == "" {
			continue
		}
		r, _ := utf8.DecodeRuneInString(p)
		if unicode.IsUpper(r) && len(strings.Fields(p)) <= 6 {
			titled++
		}
	}
	return titled*4 >= len(parts)*3
}

// isCrumb recognises category labels and breadcrumbs: "Technologie-microsoft",
// "Google-Microsoft", "Accueil > Monde > Europe".
func isCrumb(text string) bool {
	if strings.Count(text, ">")+strings.Count(text, "›")+strings.Count(text, "»") >= 2 && len(strings.Fields(text)) <= 12 && !strings.ContainsAny(text, ".!?") {
		return true
	}
	if strings.ContainsAny(text, " \u00a0") || !strings.Contains(text, "-") {
		return false
	}
	parts := strings.Split(text, "-")
	if len(parts) < 2 {
		return false
	}
	for _, p := range parts {
		if utf8.RuneCountInString(p) < 3 {
			return false
		}
		for _, r := range p {
			if !unicode.IsLetter(r) {
				return false
			}
		}
	}
	// Hyphenated common words (porte-parole) are not crumbs: a crumb joins
	// a capitalised section name to another name.
	r, _ := utf8.DecodeRuneInString(text)
	return unicode.IsUpper(r)
}

// isGarbage recognises stray fragments: a lone short lower-case word
// ("in"), punctuation or emoji alone.
func isGarbage(text string, nwords int) bool {
	letters := 0
	for _, r := range text {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			letters++
		}
	}
	if letters == 0 {
		return true
	}
	if nwords == 1 && letters <= 3 {
		r, _ := utf8.DecodeRuneInString(text)
		return unicode.IsLower(r) || !unicode.IsLetter(r)
	}
	return false
}

func containsAny(s string, subs []string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}
