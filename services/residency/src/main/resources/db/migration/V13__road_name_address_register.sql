-- The road-name address register (도로명주소, issue 21): one row per building entrance, the columns of 행정안전부's
-- 도로명주소 file that a move-in needs. AddressRegisterLoader fills it at start-up from the configured file (the
-- extract on the class path in dev and test, the full monthly file in production). Reference data, no personal data.
-- Expand only: new table and nullable columns; a replica of the previous version ignores both.
CREATE TABLE road_name_address (
    management_number         varchar(26)  PRIMARY KEY,  -- 도로명주소관리번호
    legal_dong_code           varchar(10)  NOT NULL,     -- 법정동코드
    province                  varchar(40)  NOT NULL,     -- 시도명
    district                  varchar(40)  NOT NULL,     -- 시군구명, '' for 세종특별자치시
    legal_dong                varchar(40)  NOT NULL,     -- 법정읍면동명
    road_code                 varchar(12)  NOT NULL,     -- 도로명코드
    road_name                 varchar(80)  NOT NULL,     -- 도로명
    underground               boolean      NOT NULL,     -- 지하여부
    main_number               integer      NOT NULL,     -- 건물본번
    sub_number                integer      NOT NULL,     -- 건물부번, 0 = none
    postal_code               varchar(5)   NOT NULL,     -- 기초구역번호
    administrative_dong_code  varchar(10)  NOT NULL,     -- 행정동코드
    administrative_dong       varchar(40)  NOT NULL,     -- 행정동명
    building_name             varchar(100) NOT NULL,     -- 시군구용건물명, '' when none
    search_text               varchar(400) NOT NULL      -- normalized words the address search matches
);
-- A move-in names its address by province, road and number: this finds the few rows (one per district with that
-- road) among six million. The search scans search_text; at the national file's size a trigram index (pg_trgm)
-- would be added here, which the embedded test database does not need.
CREATE INDEX road_name_address_road_idx ON road_name_address (province, road_name, main_number, sub_number);

-- Where a new household's report lands: its 우편번호 and 행정동, from the register row its address named. Null for a
-- JOIN (the household's address is not looked up) and for reports filed before the register.
ALTER TABLE move_in_report
    ADD COLUMN postal_code              varchar(5),
    ADD COLUMN administrative_dong_code varchar(10),
    ADD COLUMN administrative_dong      varchar(40);
