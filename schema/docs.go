package schema

// doc is what an editor shows when hovering a field. Paths are dotted as in the loader's
// messages, with [] for a list's items and * for a map's values. A test checks that every
// field has an entry and every entry a field, so the tables follow the structs.
type doc struct{ title, text string }

var countryDocs = map[string]doc{
	"":              {"hashhaven destination profile", "One destination (a country, or a region such as us-tx) in countries/<id>.yaml. Every number may be written plain (0.066) or cited ({value, source, as_of, estimate, stable})."},
	"id":            {"Id", "Lower-case key used by scenarios (kz, us-tx); must equal the file name."},
	"name":          {"Name", "Display name."},
	"region":        {"Region", "Display region, such as Central Asia."},
	"currency":      {"Currency", "ISO 4217 code of the currency local amounts (levies) are in."},
	"usd_per_local": {"USD per local unit", "Exchange rate: USD for 1 unit of the local currency. Required unless currency is USD."},
	"location":      {"Location", "A representative mining site, used for the freight distance."},
	"location.lat":  {"Latitude", "Degrees north (negative: south)."},
	"location.lon":  {"Longitude", "Degrees east (negative: west)."},

	"power":                   {"Power", "What a miner pays for electricity and how much can be had."},
	"power.price_usd_per_kwh": {"Power price", "USD/kWh a miner pays, before mining levies."},
	"power.available_mw":      {"Spare capacity", "MW of load a new entrant can realistically contract there."},
	"power.uptime":            {"Uptime", "Share of hours (0 to 1) the fleet can run, after curtailment, outages and seasonal bans."},

	"taxes":                          {"Taxes", "Levies and taxes specific to mining there."},
	"taxes.mining_levy_per_kwh":      {"Mining levy", "Per-kWh mining levy in the local currency (Kazakhstan: 1 KZT from 2022)."},
	"taxes.levy_share_of_power_bill": {"Levy on power bill", "Levy as a share (0 to 1) of the power bill (Kyrgyzstan: 0.1)."},
	"taxes.corporate_income_tax":     {"Corporate income tax", "Share (0 to 1) taken from positive monthly operating profit."},
	"taxes.import_duty":              {"Import duty", "Share (0 to 1) of the hardware value brought in."},

	"risk":                               {"Risk", "The chance of losing the fleet's operation there."},
	"risk.legal_status":                  {"Legal status", "legal, licensed, restricted, state_run or banned; banned destinations are listed but never ranked."},
	"risk.annual_shutdown_probability":   {"Shutdown risk per year", "Chance (0 to 1) per year that operations are forced to stop: ban, cut-off, seizure."},
	"risk.political_stability":           {"Political stability", "Percentile 0 to 100, World Bank WGI style; shown and used in the score."},
	"risk.levy_shock":                    {"Levy shock", "A sudden rise of the per-kWh mining levy that may come, for the outcome simulation; none if absent."},
	"risk.levy_shock.annual_probability": {"Levy shock chance per year", "Chance (0 to 1) per year that the levy is multiplied; at most once."},
	"risk.levy_shock.multiplier":         {"Levy shock multiplier", "What the per-kWh levy is multiplied by from then on (Kazakhstan's 2022 proposal: 10)."},
	"risk.events":                        {"Events", "Dated policy events, shown in the detail pane."},
	"risk.events[].date":                 {"Date", "A year (2023), year-month (2023-12) or date (2023-12-31)."},
	"risk.events[].text":                 {"Text", "What happened."},

	"site":                       {"Site", "What it takes to build and run there."},
	"site.pue":                   {"PUE", "Facility power / machine power, at least 1: the cooling overhead, which depends on the climate."},
	"site.avg_temp_c":            {"Average temperature", "°C; a warning shows when above the machines' rated range."},
	"site.setup_usd_per_kw":      {"Set-up cost", "USD per facility kW to build out or pay hosting set-up."},
	"site.setup_months":          {"Set-up time", "Whole months from the decision until the fleet runs there."},
	"site.opex_usd_per_kw_month": {"Opex", "USD per facility kW per month for everything but power (staff, hosting margin); 0 if absent."},
}

var catalogueDocs = map[string]doc{
	"":                         {"hashhaven machine catalogue", "The mining hardware fleets are made of (machines.yaml)."},
	"machines":                 {"Machines", "One entry per hardware model; ids must be unique."},
	"machines[].id":            {"Id", "Lower-case key used by scenario fleets, such as antminer-s19j-pro."},
	"machines[].name":          {"Name", "Display name."},
	"machines[].algorithm":     {"Algorithm", "Proof-of-work algorithm mined (sha256, etchash, …); a scenario's market must price it."},
	"machines[].hashrate":      {"Hashrate", "Hashrate of one unit, in unit."},
	"machines[].unit":          {"Unit", "Unit of hashrate; must match the unit the scenario's market prices the algorithm in."},
	"machines[].power_w":       {"Power", "Watts drawn by one unit at the wall."},
	"machines[].price_usd":     {"Price", "USD value of one unit today."},
	"machines[].weight_kg":     {"Shipping weight", "kg per unit, packed, for freight."},
	"machines[].max_ambient_c": {"Maximum ambient temperature", "°C the unit is rated to; hotter sites are flagged."},
}

var scenarioDocs = map[string]doc{
	"":            {"hashhaven scenario", "A fleet, where it stands today, the market it mines into and the operator's assumptions (scenarios/<name>.yaml)."},
	"name":        {"Name", "Display name of the scenario."},
	"description": {"Description", "What the scenario is about."},
	"origin":      {"Origin", "Where the fleet stands today: a destination id (the \"stay\" option) or {lat, lon}."},
	"origin.lat":  {"Latitude", "Degrees north (negative: south)."},
	"origin.lon":  {"Longitude", "Degrees east (negative: west)."},

	"fleet":           {"Fleet", "Batches of identical machines; at least one."},
	"fleet[].machine": {"Machine", "Id of a machine in machines.yaml."},
	"fleet[].count":   {"Count", "Number of machines in the batch."},

	"market":                                    {"Market", "What the fleet's work earns."},
	"market.pool_fee":                           {"Pool fee", "Share (0 to 1) of revenue the pool keeps."},
	"market.sale_fee":                           {"Sale fee", "Share (0 to 1) of a used machine's price lost when it is sold (broker, shipping to the buyer); 0 if absent."},
	"market.algorithms":                         {"Algorithms", "Hashprice of each algorithm the fleet mines, keyed by algorithm (sha256, …)."},
	"market.algorithms.*.usd_per_unit_day":      {"Hashprice", "USD earned per unit of hashrate per day, today."},
	"market.algorithms.*.unit":                  {"Unit", "Unit of hashrate the hashprice is per; must match the machines'."},
	"market.algorithms.*.monthly_change":        {"Monthly change", "Relative change of the hashprice per month (-0.015: falls 1.5 % a month)."},
	"market.algorithms.*.halving_month":         {"Halving month", "Month (from the decision, 0 = now) from which the block subsidy is halved."},
	"market.algorithms.*.fee_share":             {"Fee share", "Share (0 to 1) of revenue from transaction fees, which a halving does not touch."},
	"market.algorithms.*.monthly_volatility":    {"Hashprice volatility", "σ of the hashprice's monthly log change around its trend (0.1: about ±10 % a month), for the outcome simulation; 0 if absent."},
	"market.algorithms.*.resale_monthly_change": {"Resale change", "Relative change of a used machine's price per month (-0.05: falls 5 % a month); 0 if absent."},

	"freight_usd_per_kg_per_1000km": {"Freight rate", "USD per kg per 1000 km of great-circle distance."},
	"horizon_months":                {"Horizon", "Whole months valued; a machine still paying then is sold at the horizon."},
	"discount_rate":                 {"Discount rate", "Annual rate (0.15 = 15 %) cash flows are discounted at."},

	"portfolio":                           {"Fleet split", "Limits on splitting the fleet over several options."},
	"portfolio.max_share_per_destination": {"Largest share in one place", "Share (0 to 1) of the fleet's IT load any one destination, or staying, may hold, so one government cannot strand the whole fleet; 1 if absent."},

	"weights":           {"Score weights", "How much each criterion counts in the 0–100 score; normalised to sum 1, at least one above 0."},
	"weights.npv":       {"NPV weight", "Weight of the net present value."},
	"weights.stability": {"Stability weight", "Weight of political stability."},
	"weights.headroom":  {"Headroom weight", "Weight of spare power capacity relative to the fleet."},
	"weights.proximity": {"Proximity weight", "Weight of a short move from the origin."},
}
