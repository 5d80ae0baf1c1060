// Package machines reads the machine catalogue: the mining hardware a fleet is made of.
package machines

import (
	"fmt"

	"hashhaven/cited"
	"hashhaven/strictyaml"
)

// Machine is one hardware model.
type Machine struct {
	ID          string       `yaml:"id" check:"required,pattern=[a-z0-9-]+"`
	Name        string       `yaml:"name" check:"required"`
	Algorithm   string       `yaml:"algorithm" check:"required,pattern=[a-z0-9-]+"`
	Hashrate    cited.Number `yaml:"hashrate" check:"required,min=0.001,max=1000000000"`
	Unit        string       `yaml:"unit" check:"required,enum=H/s|kH/s|MH/s|GH/s|TH/s|PH/s|EH/s"`
	PowerW      cited.Number `yaml:"power_w" check:"required,min=1,max=1000000"`
	PriceUSD    cited.Number `yaml:"price_usd" check:"required,min=0,max=10000000"`
	WeightKg    cited.Number `yaml:"weight_kg" check:"required,min=0,max=100000"`
	MaxAmbientC cited.Number `yaml:"max_ambient_c" check:"min=-20,max=80"`
}

// Catalogue is the machines.yaml file.
type Catalogue struct {
	Machines []Machine `yaml:"machines" check:"required"`
}

// Decode reads a catalogue file; file is the path as the user gave it, for messages.
func Decode(file string, src []byte) (Catalogue, *strictyaml.Doc) {
	var c Catalogue
	doc := strictyaml.Decode(file, src, &c)
	if len(doc.Issues) > 0 {
		return c, doc
	}
	if len(c.Machines) == 0 {
		doc.Errorf("machines", "the catalogue lists no machines")
	}
	first := map[string]int{}
	for i, m := range c.Machines {
		if j, dup := first[m.ID]; dup {
			doc.Errorf(fmt.Sprintf("machines[%d].id", i), "%q is already used by machines[%d]", m.ID, j)
			continue
		}
		first[m.ID] = i
	}
	doc.Issues.Sort()
	return c, doc
}

// ByID finds a machine in the catalogue.
func (c Catalogue) ByID(id string) (Machine, bool) {
	for _, m := range c.Machines {
		if m.ID == id {
			return m, true
		}
	}
	return Machine{}, false
}
