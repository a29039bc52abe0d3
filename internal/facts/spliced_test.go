package facts

import "testing"

func TestSpliced(t *testing.T) {
	t.Parallel()
	for s, want := range map[string]bool{
		"La CISA a émis une directive et nous examinons les prochaines étapes dont nous avons besoin pour C’est une menace active qui se développe encore.": true,
		"Il faut agir vite et Il est trop tard pour attendre.":                               true,
		"C’est une menace active, a déclaré le responsable.":                                 false, // a sentence's own start
		"« C’est une menace active », a-t-il dit. Il a ajouté que la réponse serait rapide.": false, // after a full stop
		"Le ministre a lu Le Monde et La Croix avant la réunion.":                            false, // titles of newspapers
	} {
		if got := Spliced(s); got != want {
			t.Errorf("Spliced(%q) = %v, want %v", s, got, want)
		}
	}
}
