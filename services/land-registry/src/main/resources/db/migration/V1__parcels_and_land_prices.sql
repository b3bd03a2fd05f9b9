-- The land register (토지대장): parcels keyed by their PNU, in legal dongs, with a land category (지목), an area
-- and an official land price per year (개별공시지가). Owner history and extracts come in later migrations,
-- as expand-only steps so that the previous version keeps running during a rolling update.

-- Legal dongs (법정동): 10-digit code = 2 시도, 3 시군구, 3 읍면동, 2 리; name is the full name as printed on
-- a register, e.g. '서울특별시 종로구 청운동'.
CREATE TABLE legal_dong (
    code  char(10) PRIMARY KEY CHECK (code ~ '^[0-9]{10}$'),
    name  text     NOT NULL
);

-- The 28 land categories (지목) of the Act on the Establishment and Management of Spatial Data, with their
-- official two-digit codes. Reference data: every environment needs it, so it lives here, not in demo data.
CREATE TABLE land_category (
    code     char(2) PRIMARY KEY CHECK (code ~ '^[0-9]{2}$'),
    name_ko  text    NOT NULL UNIQUE,
    name_en  text    NOT NULL
);

INSERT INTO land_category (code, name_ko, name_en) VALUES
    ('01', '전',       'Dry field'),
    ('02', '답',       'Paddy field'),
    ('03', '과수원',   'Orchard'),
    ('04', '목장용지', 'Pasture'),
    ('05', '임야',     'Forest'),
    ('06', '광천지',   'Mineral spring site'),
    ('07', '염전',     'Salt farm'),
    ('08', '대',       'Building site'),
    ('09', '공장용지', 'Factory site'),
    ('10', '학교용지', 'School site'),
    ('11', '주차장',   'Parking lot'),
    ('12', '주유소용지', 'Gas station site'),
    ('13', '창고용지', 'Warehouse site'),
    ('14', '도로',     'Road'),
    ('15', '철도용지', 'Railway site'),
    ('16', '제방',     'Embankment'),
    ('17', '하천',     'River'),
    ('18', '구거',     'Ditch'),
    ('19', '유지',     'Reservoir'),
    ('20', '양어장',   'Fish farm'),
    ('21', '수도용지', 'Waterworks site'),
    ('22', '공원',     'Park'),
    ('23', '체육용지', 'Sports site'),
    ('24', '유원지',   'Amusement park'),
    ('25', '종교용지', 'Religious site'),
    ('26', '사적지',   'Historic site'),
    ('27', '묘지',     'Cemetery'),
    ('28', '잡종지',   'Miscellaneous land');

-- Parcels (필지). The lot number (mountain flag, main and sub number) is not stored apart: it is part of the
-- PNU, and the checks keep the PNU consistent with the legal dong it names (same rules as Pnu.parse).
CREATE TABLE parcel (
    pnu                 char(19)      PRIMARY KEY,
    legal_dong_code     char(10)      NOT NULL REFERENCES legal_dong (code),
    land_category_code  char(2)       NOT NULL REFERENCES land_category (code),
    area_m2             numeric(14,2) NOT NULL CHECK (area_m2 > 0),
    CONSTRAINT parcel_pnu_format CHECK (pnu ~ '^[0-9]{10}[12][0-9]{8}$' AND substr(pnu, 12, 4) <> '0000'),
    CONSTRAINT parcel_pnu_in_its_legal_dong CHECK (left(pnu, 10) = legal_dong_code)
);

-- Address search (coming) lists the parcels of a legal dong.
CREATE INDEX parcel_legal_dong_idx ON parcel (legal_dong_code);

-- Official land price per square metre (개별공시지가) in won, announced once a year (since 1990). Roads and
-- similar public land often have none.
CREATE TABLE official_land_price (
    pnu           char(19) NOT NULL REFERENCES parcel (pnu),
    year          integer  NOT NULL CHECK (year BETWEEN 1990 AND 2100),
    price_per_m2  bigint   NOT NULL CHECK (price_per_m2 > 0),
    PRIMARY KEY (pnu, year)
);
