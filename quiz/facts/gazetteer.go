package facts

import "strings"

// stateNames is a small gazetteer of sovereign states (and their common
// short forms). It helps split joined infobox names and type them.
var stateNames = lowerSet(`Afghanistan|Albania|Algeria|Armenia|Australia|Austria|Azerbaijan|Bahrain|
Belarus|Belgium|Bosnia and Herzegovina|Brazil|Bulgaria|Canada|China|Croatia|Cuba|Cyprus|
Czech Republic|Czechoslovakia|Denmark|Egypt|Eritrea|Estonia|Ethiopia|Finland|France|Georgia|
Germany|West Germany|East Germany|Nazi Germany|Greece|Hungary|India|Indonesia|Iran|Iraq|Ireland|Israel|Italy|
Japan|Jordan|Kazakhstan|Kenya|Kuwait|Latvia|Lebanon|Libya|Lithuania|Mexico|Moldova|Morocco|
Netherlands|the Netherlands|New Zealand|Nigeria|North Korea|South Korea|Norway|Oman|Pakistan|Palestine|
Poland|Portugal|Qatar|Romania|Russia|Russian Federation|Saudi Arabia|Serbia|Somalia|South Africa|
Soviet Union|Spain|Sudan|South Sudan|Sweden|Switzerland|Syria|Syrian Arab Republic|Tunisia|
Turkey|Türkiye|Ukraine|United Arab Emirates|United Kingdom|United States|United States of America|
Uzbekistan|Venezuela|Vietnam|Yemen|Yugoslavia|Ottoman Empire|British Empire|Confederate States|
Confederate States of America|Kurdistan Region|Iraqi Kurdistan|Ukraine|Chechnya`)

// orgNames is a small gazetteer of well-known international organisations
// and armed groups that appear across many conflicts.
var orgNames = lowerSet(`United Nations|NATO|European Union|Arab League|African Union|Hezbollah|Hamas|
al-Qaeda|Al-Qaeda|Taliban|Islamic State|Islamic State of Iraq and the Levant|ISIL|ISIS|
Free Syrian Army|Syrian Democratic Forces|Syrian National Army|Al-Nusra Front|al-Nusra Front|
Tahrir al-Sham|Hay'at Tahrir al-Sham|Hayat Tahrir al-Sham|Ahrar al-Sham|Ahrar ash-Sham|Jaysh al-Islam|
Syrian Armed Forces|Syrian Arab Army|Syrian Army|Russian Armed Forces|Turkish Armed Forces|
Islamic Revolutionary Guard Corps|IRGC|Quds Force|Wagner Group|CJTF–OIR|YPG|YPJ|PKK|SDF|FSA|
Syrian Government|Syrian Interim Government|Syrian Salvation Government|Syrian National Coalition|
Kurdistan Workers' Party|People's Protection Units|Women's Protection Units|Peshmerga|
Union Army|Confederate States Army|United States Army|United States Navy|Royal Navy|Red Army|Wehrmacht`)

// lowerSet builds a set of lower-cased names from a "|"-separated list.
func lowerSet(list string) map[string]bool {
	m := map[string]bool{}
	for _, s := range strings.Split(list, "|") {
		if s = strings.TrimSpace(s); s != "" {
			m[strings.ToLower(s)] = true
		}
	}
	return m
}

// headNouns end the names of organisations, units and governments: a name
// usually stops after one unless "of", "and" or an article follows.
var headNouns = lowerSet(`Army|Armies|Forces|Force|Front|Brigade|Brigades|Division|Divisions|Movement|
Party|Council|Legion|Corps|Regiment|Battalion|Battalions|Units|Unit|Guard|Guards|Committees|Militia|
Militias|Republic|Federation|Coalition|Command|Union|Organization|Organisation|Government|Administration|
Group|Groups|Alliance|League|Navy|Police|Agencies|Squadron|Room|Bloc|Gathering|Jamaat|Authority|Ministry|
Directorate|Service|Services|Battalion|Companies|Company|Shield|Operation|Emirate|Caliphate|Kingdom|Empire|Militiamen|Volunteers|Resistance|State`)

// ranks are military and civil titles that begin a person's name in an
// infobox cell: "Lt. Col. Mohieddin al-Zain". They start a new name.
var ranks = lowerSet(`Gen.|Gen|General|Lt.|Lt|Lieutenant|Col.|Col|Colonel|Maj.|Maj|Major|Brig.|Brig|
Brigadier|Capt.|Capt|Captain|Cpt.|Sgt.|Sergeant|Adm.|Admiral|Cmdr.|Commander|Marshal|Field|President|
Sheikh|Shaykh|Emir|Amir|Gov.|Governor|Lieut.|Lt.Gen.|Maj.Gen.|Brig.Gen.|Commodore|Prime|Minister|1st|2nd|Gen.Commander|Vice`)

// roleWords introduce a person in prose: "general Kioumars Pourhashemi",
// "Researchers Hassan Hassan and Michael Weiss".
var roleWords = lowerSet(`general|colonel|commander|leader|researcher|researchers|president|minister|
lieutenant|major|captain|officer|spokesman|spokesperson|emir|chief|governor|analyst|analysts|journalist|
envoy|founder|sheikh|brigadier|admiral|marshal|sergeant|deputy|martyr`)

// isState reports whether name (any case) is a known state, allowing an
// adjective in front: "Ba'athist Syria".
func isState(name string) bool {
	low := strings.ToLower(strings.TrimPrefix(name, "the "))
	if stateNames[low] {
		return true
	}
	if i := strings.IndexByte(low, ' '); i > 0 && !strings.Contains(low[i+1:], " ") {
		return stateNames[low[i+1:]] && strings.HasSuffix(low[:i], "ist")
	}
	return false
}
