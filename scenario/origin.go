package scenario

import (
	"reflect"

	"go.yaml.in/yaml/v3"

	"hashhaven/cited"
	"hashhaven/strictyaml"
)

// Origin is where the fleet stands today: a destination id (the "stay" option) or a point.
type Origin struct {
	Country string // set when the origin is a destination id
	Point   *Point // set when the origin is a bare coordinate
}

// Point is a coordinate on the globe.
type Point struct {
	Lat cited.Number `yaml:"lat" check:"required,min=-90,max=90"`
	Lon cited.Number `yaml:"lon" check:"required,min=-180,max=180"`
}

// DecodeNode accepts `origin: kz` or `origin: {lat: 42.3, lon: 69.6}`.
func (o *Origin) DecodeNode(d *strictyaml.Doc, n *yaml.Node, field string) {
	if n.Kind == yaml.ScalarNode && n.Tag == "!!str" {
		o.Country = n.Value
		return
	}
	switch n.Kind {
	case yaml.SequenceNode:
		d.Errorf(field, "must be a destination id (like kz) or {lat: .., lon: ..}, found a list")
		return
	case yaml.ScalarNode:
		d.Errorf(field, "must be a destination id (like kz) or {lat: .., lon: ..}, found %q", n.Value)
		return
	}
	var p Point
	d.DecodeInto(n, reflect.ValueOf(&p).Elem(), field)
	o.Point = &p
}

// String is the origin as written.
func (o Origin) String() string {
	if o.Point != nil {
		return cited.Format(o.Point.Lat.Value) + ", " + cited.Format(o.Point.Lon.Value)
	}
	return o.Country
}
