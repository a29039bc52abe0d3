// Command gen builds plume's embedded French lexicon from Debian's
// hunspell-fr-comprehensive (Dicollecte/Grammalecte, MPL-2.0).
//
// Run it with `go generate ./internal/fr/lexicon`. It needs the dictionary
// files in /usr/share/hunspell; when they are missing and -install is set
// (the default) it runs `apt-get update` and
// `apt-get install -y hunspell-fr-comprehensive hunspell` itself, which
// needs root (plume's dev machines and CI run as root). With -verify it also
// checks every generated form against the hunspell binary: Hunspell must
// accept each one, and for a sample its own analysis must name our lemma.
package main

import (
	"bytes"
	"crypto/sha256"
	"flag"
	"fmt"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"

	"github.com/plume-seo/plume/internal/fr/lexicon/internal/lexfmt"
)

const debPackage = "hunspell-fr-comprehensive"

func main() {
	aff := flag.String("aff", "/usr/share/hunspell/fr_FR.aff", "Hunspell affix file")
	dic := flag.String("dic", "/usr/share/hunspell/fr_FR.dic", "Hunspell dictionary file")
	out := flag.String("o", "data/lexicon.bin", "output lexicon file")
	notice := flag.String("notice", "data/NOTICE", "output provenance/licence notice")
	install := flag.Bool("install", true, "apt-get install the Debian packages when the dictionary is missing")
	verify := flag.Bool("verify", false, "check the forms against the hunspell binary")
	dump := flag.String("dump", "", "also write every analysis as form<TAB>lemma<TAB>tag to this file")
	flag.Parse()
	if err := run(*aff, *dic, *out, *notice, *dump, *install, *verify); err != nil {
		log.Fatalf("lexicon gen: %v", err)
	}
}

func run(affPath, dicPath, outPath, noticePath, dumpPath string, install, verify bool) error {
	pkgs := []string{debPackage}
	if verify {
		pkgs = append(pkgs, "hunspell")
	}
	if err := ensureInstalled(affPath, install, verify, pkgs); err != nil {
		return err
	}
	affData, err := os.ReadFile(affPath)
	if err != nil {
		return fmt.Errorf("read aff: %w", err)
	}
	dicData, err := os.ReadFile(dicPath)
	if err != nil {
		return fmt.Errorf("read dic: %w", err)
	}
	aff, err := parseAff(bytes.NewReader(affData))
	if err != nil {
		return fmt.Errorf("%s: %w", affPath, err)
	}
	dicEntries, err := parseDic(bytes.NewReader(dicData))
	if err != nil {
		return fmt.Errorf("%s: %w", dicPath, err)
	}

	byForm := map[string][]lexfmt.Analysis{}
	var unmapped []string // forms whose fields name no part of speech we map
	for _, e := range dicEntries {
		gens, err := aff.expand(e)
		if err != nil {
			return err
		}
		adjLemma := participleLemma(gens)
		for _, g := range gens {
			as := mapForm(g, adjLemma)
			if len(as) == 0 {
				unmapped = append(unmapped, g.form+" "+strings.Join(g.morph, " "))
			}
			for _, a := range as {
				byForm[g.form] = append(byForm[g.form], lexfmt.Analysis{Lemma: a.lemma, Tag: canonTag(a.tag)})
			}
		}
	}
	if len(unmapped) > 0 {
		log.Printf("%d generated forms left out, no mappable part of speech, e.g. %q", len(unmapped), unmapped[:min(len(unmapped), 12)])
	}
	for _, c := range closedClass {
		if c.replace {
			upos, _, _ := strings.Cut(c.tag, "|")
			kept := byForm[c.form][:0]
			for _, a := range byForm[c.form] {
				if p, _, _ := strings.Cut(a.Tag, "|"); p != upos {
					kept = append(kept, a)
				}
			}
			byForm[c.form] = kept
		}
		byForm[c.form] = append(byForm[c.form], lexfmt.Analysis{Lemma: c.lemma, Tag: canonTag(c.tag)})
	}
	entries := make([]lexfmt.Entry, 0, len(byForm))
	nAna := 0
	for f, as := range byForm {
		entries = append(entries, lexfmt.Entry{Form: f, Analyses: as})
		nAna += len(as)
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].Form < entries[j].Form })

	if verify {
		if err := verifyForms(entries); err != nil {
			return err
		}
	}

	if dumpPath != "" {
		if err := writeDump(dumpPath, entries); err != nil {
			return err
		}
	}
	var buf bytes.Buffer
	if err := lexfmt.Encode(&buf, entries); err != nil {
		return err
	}
	if err := os.WriteFile(outPath, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("write lexicon: %w", err)
	}
	version := debVersion()
	if err := os.WriteFile(noticePath, []byte(noticeText(version, affData, dicData)), 0o644); err != nil {
		return fmt.Errorf("write notice: %w", err)
	}
	if err := copyLicence(filepath.Join(filepath.Dir(noticePath), "LICENSE.MPL-2.0")); err != nil {
		return err
	}
	log.Printf("%d dictionary entries → %d forms, %d analyses before de-duplication; %s is %d bytes (%s %s)",
		len(dicEntries), len(entries), nAna, filepath.Base(outPath), buf.Len(), debPackage, version)
	return nil
}

// participleLemma returns the masculine singular past participle among an
// entry's forms ("touché" for toucher), the lemma of its adjectival reading.
func participleLemma(gens []generated) string {
	for _, g := range gens {
		m := readMorph(g.morph)
		if m.verb && m.vforms["ppas"] && (m.gender == "Gender=Masc" || m.gender == "Gender=Epi") &&
			(m.number == "Number=Sing" || m.number == "Number=Inv") {
			return g.form
		}
	}
	return ""
}

// canonTag orders features after the UPOS so equal analyses compare equal
// whichever path (dictionary or hand-written list) produced them.
func canonTag(t string) string {
	parts := strings.Split(t, "|")
	feats := parts[1:]
	sort.Strings(feats)
	return strings.Join(append(parts[:1], feats...), "|")
}

func ensureInstalled(affPath string, install, verify bool, pkgs []string) error {
	_, statErr := os.Stat(affPath)
	_, lookErr := exec.LookPath("hunspell")
	if statErr == nil && (!verify || lookErr == nil) {
		return nil
	}
	if !install {
		return fmt.Errorf("%s missing: apt-get install %s (or pass -aff/-dic)", affPath, strings.Join(pkgs, " "))
	}
	log.Printf("installing %s with apt-get", strings.Join(pkgs, " "))
	for _, args := range [][]string{{"update"}, append([]string{"install", "-y", "--no-install-recommends"}, pkgs...)} {
		cmd := exec.Command("apt-get", args...)
		cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
		cmd.Env = append(os.Environ(), "DEBIAN_FRONTEND=noninteractive")
		if err := cmd.Run(); err != nil {
			return fmt.Errorf("apt-get %s: %w", args[0], err)
		}
	}
	return nil
}

func debVersion() string {
	out, err := exec.Command("dpkg-query", "-W", "-f=${Version}", debPackage).Output()
	if err != nil {
		return "unknown"
	}
	return strings.TrimSpace(string(out))
}

func noticeText(version string, aff, dic []byte) string {
	return fmt.Sprintf(`lexicon.bin — French inflected forms with lemma, UPOS and features.

Origin: Debian package %s, version %s
        (Dicollecte / Grammalecte French dictionary "toutes variantes", by Olivier R.
        and contributors, https://grammalecte.net/).
Licence: Mozilla Public License 2.0 (MPL-2.0), https://mozilla.org/MPL/2.0/,
         full text in LICENSE.MPL-2.0 beside this file.
         The data here is a derived form of the MPL-2.0 dictionary; its source is
         the .aff/.dic pair named below, available from Debian.
Source files: fr_FR.aff sha256 %x
              fr_FR.dic sha256 %x
Built by: go generate ./internal/fr/lexicon (internal/fr/lexicon/internal/gen).
          The generator expands the affix rules in Go, maps Grammalecte's po:/is:
          fields to Universal Dependencies UPOS and features, and adds a short
          hand-written list of closed-class words (gen/closed.go, written by the
          plume authors).
`, debPackage, version, sha256.Sum256(aff), sha256.Sum256(dic))
}

func writeDump(path string, entries []lexfmt.Entry) error {
	var b bytes.Buffer
	for _, e := range entries {
		for _, a := range e.Analyses {
			fmt.Fprintf(&b, "%s\t%s\t%s\n", e.Form, a.Lemma, a.Tag)
		}
	}
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		return fmt.Errorf("write dump: %w", err)
	}
	return nil
}

// copyLicence puts the MPL-2.0 text beside the data, as the licence asks
// of anyone distributing the dictionary in another form. Debian ships it in
// base-files.
func copyLicence(dst string) error {
	text, err := os.ReadFile("/usr/share/common-licenses/MPL-2.0")
	if err != nil {
		return fmt.Errorf("read MPL-2.0 text: %w", err)
	}
	if err := os.WriteFile(dst, text, 0o644); err != nil {
		return fmt.Errorf("write licence: %w", err)
	}
	return nil
}
