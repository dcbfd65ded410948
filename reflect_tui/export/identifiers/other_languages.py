"""Identifiers written in other languages and scripts inside an English reflection: an
age in years of Spanish, Portuguese, Turkish, Polish, Greek, Japanese or Chinese ("97
años", "92 yaşında", "95歳"), a date and an address in Chinese or Japanese characters
("2024年1月9日", "上海市徐汇区衡山路12弄5号302室"), a Cyrillic or Polish street ("вул.
Саксаганського, 41, кв. 9", "os. Tysiąclecia 21/38"), a Polish postcode before its city
("31-564 Kraków"), a national identity number after its name ("DNI, 32.415.678") and a
court file's number ("Expte. N° 45812/2022").

Each is a (kind, pattern, needs) triple like those in :mod:`patterns`.
"""

from __future__ import annotations

import re

from reflect_tui.export.identifiers.kinds import Kind
from reflect_tui.export.identifiers.patterns import SP

_AGE = r"(?:9\d|1[01]\d)"
_YEARS_OLD = (
    r"(?:años|anos|ans|Jahre|jaar|år|anni|lat|let|yaşında|yaşındaki|yaşında|ετών|χρονών"
    r"|лет|років|рокiв|godina|évesen|éves|vuotta|tahun|-?jährig(?:e|er|en|es)?|-?årig[ae]?"
    r"|-?jarige)"
)
_NINETY = (
    r"(?i:noventa(?:\s+[ye]\s+(?:uno|un|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|um|dois"
    r"|duas|três|quatro|cinco|seis|sete|oito|nove))?|cien|cem|cento)"
)
_HAN_LETTERS = r"\u3040-\u30ff\u3400-\u9fff"
_HAN = rf"[{_HAN_LETTERS}]"
#: The words for a national identity number, and a court file's.
_ID_WORDS = (
    r"(?:DNI|NIE|NIF|RUT|RUN|CURP|RFC|CPF|CI|C\.I\.|cédula|PESEL|NIK|KTP|MyKad|NRIC|CNIC|NIN"
    r"|BVN|HKID|Aadhaar|TCKN|AMKA|BSN|personnummer|fødselsnummer|henkilötunnus|Emirates\s+ID)"
)

#: Months in lower case, as hurried notes and other languages write them ("op 23
#: december", "le 4 juillet"); not "may" or "mars", which are words too.
_LOWER_MONTHS = (
    r"(?:january|february|march|april|june|july|august|september|october|november|december"
    r"|januari|februari|maart|mei|juni|juli|augustus|oktober|janvier|février|avril|juin"
    r"|juillet|août|septembre|octobre|novembre|décembre|januar|februar|märz"
    r"|dezember|gennaio|febbraio|aprile|maggio|giugno|luglio|agosto|settembre|ottobre"
    r"|dicembre)"
)

OTHER_LANGUAGE_PATTERNS: tuple[tuple[Kind, re.Pattern[str], str], ...] = (
    (
        Kind.DATE,
        re.compile(
            rf"(?<![\d.,/-])(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?\.?{SP}+(?:{_LOWER_MONTHS}"
            # "30 sept", "4 dec,", "17 may =": a short month where a date ends, not "14 dec
            # from 19" (a decrease), "2 sep rooms", "17 may be too soon"
            r"|(?:jan|feb|mar|apr|jun|jul|aug|sept|oct|nov|dec|may)\b\.?(?=[ \t]*(?:[,;:=.)–—-]|\Z"
            r"|(?:19|20)\d\d|(?:with|at|when|and|@)\b)))"
            rf"(?:{SP}+(?:19|20)\d\d)?\b"
            # "sept 9", "december 23", "dob may 14": a month in lower case and its day
            rf"|(?:\b(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec|january|february|april"
            r"|june|july|august|september|october|november|december)"
            r"|(?<=\bdob )may|(?<=\bdob is )may|(?<=\bborn )may|(?<=\bon )may)"
            rf"\.?{SP}+(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?\b"
            r"(?![.,]\d|\s*(?:mg|mcg|ml|%|x\b|tabs?|tablets?|caps?|capsules?|pills?|units?"
            r"|sessions?|weeks?|days?|times?)\b)"
        ),
        "digit",
    ),
    (
        Kind.AGE,
        re.compile(
            rf"(?<![\d.,])(?P<id>{_AGE}{SP}*(?:{_YEARS_OLD}\b|[歳岁才세살])"
            rf"|{_NINETY}{SP}+(?:años|anos)\b)"
        ),
        "digit",
    ),
    (Kind.AGE, re.compile(rf"\b(?P<id>{_NINETY}{SP}+(?:años|anos))\b"), "ninety"),
    (
        Kind.DATE,
        re.compile(
            rf"(?:(?:19|20)\d\d{SP}?年{SP}?)?(?<!\d)\d{{1,2}}{SP}?月{SP}?\d{{1,2}}{SP}?[日号]"
            rf"(?:{SP}*\d{{1,2}}:\d\d)?"
            # Korean: "2018년 4월 16일"
            rf"|(?:(?:19|20)\d\d{SP}?년{SP}?)?(?<!\d)\d{{1,2}}{SP}?월{SP}?\d{{1,2}}{SP}?일"
        ),
        "digit",
    ),
    (
        Kind.ADDRESS,
        re.compile(
            # Chinese and Japanese: a city, a ward or a road in characters, with numbers
            rf"{_HAN}*(?:都|道|府|県|省|市|区|區|町|村|路|街|弄|巷)[{_HAN_LETTERS}\d\-－ー号號室丁目番地]*\d"
            rf"[{_HAN_LETTERS}\d\-－ー号號室丁目番地]*"
            # Ukrainian and Russian streets; Polish estates
            rf"|\b(?:вул|ул|пр|просп|пров|бул)\.?{SP}+[А-ЯЁЇІЄҐ][\w'’-]+(?:{SP}+[А-ЯЁЇІЄҐ][\w'’-]+)?,?"
            rf"{SP}+\d{{1,4}}[а-я]?(?:,?{SP}+(?:кв|кв\.)\.?{SP}*\d{{1,4}})?"
            rf"|\b(?:os|ul|al|pl)\.{SP}+[A-ZĄĆĘŁŃÓŚŹŻ][\w'’-]+(?:{SP}+[A-ZĄĆĘŁŃÓŚŹŻ][\w'’-]+)?"
            rf"{SP}+\d{{1,4}}[a-z]?(?:/\d{{1,4}})?"
            # Portuguese: a district, a lot and a floor
            rf"|\b(?:Bairro|Lote|Loteamento){SP}+[\w'’ -]{{1,30}}?,"
            rf"{SP}+(?:Lote|Lt\.?|n\.?º){SP}*\d{{1,4}}"
            r"(?:,\s*(?:r/c|\d{1,2}\.?º)\s*(?:Dto|Esq|Frt)\.?)?"
        ),
        "digit",
    ),
    # A date in Spanish or Portuguese: "10 de mayo de 2021", "3 de agosto de 2019".
    (
        Kind.DATE,
        re.compile(
            rf"\b\d{{1,2}}{SP}+de{SP}+(?i:enero|febrero|marzo|abril|mayo|junio|julio|agosto"
            r"|septiembre|setiembre|octubre|noviembre|diciembre|janeiro|fevereiro|março|maio"
            rf"|junho|julho|setembro|outubro|novembro|dezembro){SP}+(?:de{SP}+|del{SP}+)?"
            r"(?:19|20)\d\d\b"
        ),
        "digit",
    ),
    # A Polish postcode before its city: "31-564 Kraków".
    (
        Kind.POSTCODE,
        re.compile(
            rf"(?<![\d-])(?P<id>\d{{2}}-\d{{3}})(?={SP}+[A-ZĄĆĘŁŃÓŚŹŻ][a-ząćęłńóśźż]{{2,}})"
        ),
        "digit",
    ),
    # An identity number after its name: "DNI, 32.415.678", "PESEL 84021512345".
    (
        Kind.NUMBER,
        re.compile(
            rf"\b{_ID_WORDS}(?:{SP}+(?i:no\.?|number|is|was|of))?(?:{SP}|[,:#])*"
            r"(?P<id>(?=(?:[\dA-Z.\- ]*\d){5})[\dA-Z][\dA-Z.\-]{3,20}[\dA-Z])(?![\w.-]\d)"
        ),
        "digit",
    ),
    # A file's number after "N°": "Expte. N° 45812/2022", "nº 3471".
    (
        Kind.NUMBER,
        re.compile(rf"\b(?:N|n)[°º]{SP}*(?P<id>\d{{3,}}(?:[/-]\d{{2,4}})?)\b"),
        "digit",
    ),
)
