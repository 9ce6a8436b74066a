"""Countries with their other names and adjectives ("United States", "U.S.", "American"), and
blocs such as NATO and the EU, parsed into lookup tables: token sequences ("south korea",
"ukrainian") to the canonical name, and abbreviations that match only as written ("US",
"UK") so the pronoun "us" is never a country.
"""

from __future__ import annotations

from typing import Final

from ._tokens import tokenize

# "Canonical: other names | adjectives". Abbreviations in capitals (US, UK, EU, ...) match
# only as written, so the pronoun "us" is never the United States.
_COUNTRY_TABLE = """
Afghanistan: | Afghan
Albania: | Albanian
Algeria: | Algerian
Andorra: | Andorran
Angola: | Angolan
Antigua and Barbuda: | Antiguan
Argentina: | Argentine, Argentinian
Armenia: | Armenian
Australia: | Australian
Austria: | Austrian
Azerbaijan: | Azerbaijani, Azeri
Bahamas: | Bahamian
Bahrain: | Bahraini
Bangladesh: | Bangladeshi
Barbados: | Barbadian
Belarus: | Belarusian
Belgium: | Belgian
Belize: | Belizean
Benin: | Beninese
Bhutan: | Bhutanese
Bolivia: | Bolivian
Bosnia and Herzegovina: Bosnia | Bosnian
Botswana: | Botswanan
Brazil: | Brazilian
Brunei: | Bruneian
Bulgaria: | Bulgarian
Burkina Faso: | Burkinabe
Burundi: | Burundian
Cambodia: | Cambodian
Cameroon: | Cameroonian
Canada: | Canadian
Cape Verde: Cabo Verde | Cape Verdean
Central African Republic: CAR |
Chad: | Chadian
Chile: | Chilean
China: People's Republic of China, PRC | Chinese
Colombia: | Colombian
Comoros: | Comoran
Congo: Republic of the Congo |
Costa Rica: | Costa Rican
Croatia: | Croatian
Cuba: | Cuban
Cyprus: | Cypriot
Czech Republic: Czechia | Czech
Democratic Republic of the Congo: DRC, DR Congo |
Denmark: | Danish
Djibouti: | Djiboutian
Dominican Republic: | Dominican
Ecuador: | Ecuadorian
Egypt: | Egyptian
El Salvador: | Salvadoran
Equatorial Guinea: | Equatoguinean
Eritrea: | Eritrean
Estonia: | Estonian
Eswatini: Swaziland | Swazi
Ethiopia: | Ethiopian
Fiji: | Fijian
Finland: | Finnish
France: | French
Gabon: | Gabonese
Gambia: | Gambian
Georgia: | Georgian
Germany: | German
Ghana: | Ghanaian
Greece: | Greek
Guatemala: | Guatemalan
Guinea: | Guinean
Guinea-Bissau: |
Guyana: | Guyanese
Haiti: | Haitian
Honduras: | Honduran
Hungary: | Hungarian
Iceland: | Icelandic
India: | Indian
Indonesia: | Indonesian
Iran: | Iranian
Iraq: | Iraqi
Ireland: | Irish
Israel: | Israeli
Italy: | Italian
Ivory Coast: Côte d'Ivoire | Ivorian
Jamaica: | Jamaican
Japan: | Japanese
Jordan: | Jordanian
Kazakhstan: | Kazakh
Kenya: | Kenyan
Kosovo: | Kosovar
Kuwait: | Kuwaiti
Kyrgyzstan: | Kyrgyz
Laos: | Lao, Laotian
Latvia: | Latvian
Lebanon: | Lebanese
Liberia: | Liberian
Libya: | Libyan
Liechtenstein: |
Lithuania: | Lithuanian
Luxembourg: | Luxembourgish
Madagascar: | Malagasy
Malawi: | Malawian
Malaysia: | Malaysian
Maldives: | Maldivian
Mali: | Malian
Malta: | Maltese
Mauritania: | Mauritanian
Mauritius: | Mauritian
Mexico: | Mexican
Moldova: | Moldovan
Monaco: | Monegasque
Mongolia: | Mongolian
Montenegro: | Montenegrin
Morocco: | Moroccan
Mozambique: | Mozambican
Myanmar: Burma | Burmese
Namibia: | Namibian
Nepal: | Nepali, Nepalese
Netherlands: Holland | Dutch
New Zealand: |
Nicaragua: | Nicaraguan
Niger: | Nigerien
Nigeria: | Nigerian
North Korea: DPRK, Democratic People's Republic of Korea | North Korean
North Macedonia: Macedonia | Macedonian
Norway: | Norwegian
Oman: | Omani
Pakistan: | Pakistani
Palestine: Palestinian territories | Palestinian
Panama: | Panamanian
Papua New Guinea: |
Paraguay: | Paraguayan
Peru: | Peruvian
Philippines: | Filipino, Philippine
Poland: | Polish
Portugal: | Portuguese
Qatar: | Qatari
Romania: | Romanian
Russia: Russian Federation | Russian
Rwanda: | Rwandan
Saudi Arabia: | Saudi
Senegal: | Senegalese
Serbia: | Serbian
Sierra Leone: | Sierra Leonean
Singapore: | Singaporean
Slovakia: | Slovak
Slovenia: | Slovenian, Slovene
Somalia: | Somali
South Africa: | South African
South Korea: Republic of Korea, ROK | South Korean
South Sudan: | South Sudanese
Spain: | Spanish
Sri Lanka: | Sri Lankan
Sudan: | Sudanese
Suriname: | Surinamese
Sweden: | Swedish
Switzerland: | Swiss
Syria: | Syrian
Taiwan: | Taiwanese
Tajikistan: | Tajik
Tanzania: | Tanzanian
Thailand: | Thai
Timor-Leste: East Timor | Timorese
Togo: | Togolese
Trinidad and Tobago: |
Tunisia: | Tunisian
Turkey: Türkiye | Turkish
Turkmenistan: | Turkmen
Uganda: | Ugandan
Ukraine: | Ukrainian
United Arab Emirates: UAE | Emirati
United Kingdom: UK, U.K., Britain, Great Britain | British
United States: US, U.S., USA, U.S.A., America, United States of America | American
Uruguay: | Uruguayan
Uzbekistan: | Uzbek
Vatican: Holy See | Vatican
Venezuela: | Venezuelan
Vietnam: | Vietnamese
Yemen: | Yemeni
Zambia: | Zambian
Zimbabwe: | Zimbabwean
NATO: | NATO
European Union: EU | EU, European
United Nations: UN, U.N. | UN, U.N.
the West: | Western
"""

# Country names that are also given names: "Chad Smith" is a person, not Chad.
GIVEN_NAME_COUNTRIES: Final = frozenset({"chad", "jordan", "georgia", "israel", "india"})


def _country_forms() -> tuple[dict[tuple[str, ...], tuple[str, bool]], dict[str, str]]:
    forms: dict[tuple[str, ...], tuple[str, bool]] = {}
    codes: dict[str, str] = {}
    for line in _COUNTRY_TABLE.strip().splitlines():
        head, _, rest = line.partition(":")
        names, _, adjectives = rest.partition("|")
        for raw, adjective in (
            [(head, False)]
            + [(n, False) for n in names.split(",") if n.strip()]
            + [(a, True) for a in adjectives.split(",") if a.strip()]
        ):
            text = raw.strip()
            letters = text.replace(".", "")
            if letters.isupper() and len(letters) <= 4:
                codes[text] = head.strip()
                continue
            key = tuple(t.lower for t in tokenize(text))
            if text.startswith("the "):  # "the West": "Western" is its adjective
                key = key[1:]
            forms.setdefault(key, (head.strip(), adjective))
    return forms, codes


COUNTRY_FORMS, COUNTRY_CODES = _country_forms()
MAX_COUNTRY_WORDS: Final = max(len(k) for k in COUNTRY_FORMS)
