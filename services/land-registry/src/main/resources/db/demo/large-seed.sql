-- The large synthetic land register (portal.land.large-seed=true; seeded by demo/DemoParcels): ten more legal
-- dongs across the country, each with lots 1 to 1000 and sub lots 0 to 10 (lots above 950 are mountain lots):
-- 110,000 parcels, official land prices for 2023 to 2025 (none for roads) and one owner each.
-- Legal-dong codes have the official shape and regional prefixes; names are real places, but the codes and
-- everything about the parcels are synthetic. Generated with set operations, not row by row, so it takes
-- seconds; idempotent (ON CONFLICT DO NOTHING), and skipped altogether once its last parcel exists.

CREATE TEMP TABLE large_seed_dong (code char(10) PRIMARY KEY, name text NOT NULL, base_price bigint NOT NULL)
    ON COMMIT DROP;
INSERT INTO large_seed_dong (code, name, base_price) VALUES
    ('1130510100', '서울특별시 강북구 미아동',             4200000),
    ('1144012000', '서울특별시 마포구 합정동',             9800000),
    ('1171010100', '서울특별시 송파구 잠실동',            18500000),
    ('2635010500', '부산광역시 해운대구 우동',             6900000),
    ('2711010100', '대구광역시 중구 동인동1가',            3100000),
    ('2817710100', '인천광역시 미추홀구 숭의동',           2400000),
    ('2920010100', '광주광역시 광산구 송정동',             1300000),
    ('3017010100', '대전광역시 서구 둔산동',               3600000),
    ('4113510900', '경기도 성남시 분당구 정자동',          8700000),
    ('4311425321', '충청북도 청주시 상당구 낭성면 관정리',    95000);

INSERT INTO legal_dong (code, name) SELECT code, name FROM large_seed_dong ON CONFLICT (code) DO NOTHING;

-- h: a stable pseudo-random number per parcel (0 .. 2^32-1), so every run generates the same register.
CREATE TEMP TABLE large_seed_lot ON COMMIT DROP AS
SELECT p.pnu, p.code, p.base_price, p.mountain, hashtext(p.pnu)::bigint + 2147483648 AS h
FROM (SELECT d.code, d.base_price, m > 950 AS mountain,
             d.code || CASE WHEN m > 950 THEN '2' ELSE '1' END || lpad(m::text, 4, '0') || lpad(s::text, 4, '0') AS pnu
      FROM large_seed_dong d
      CROSS JOIN generate_series(1, 1000) AS m
      CROSS JOIN generate_series(0, 10) AS s) p;

INSERT INTO parcel (pnu, legal_dong_code, land_category_code, area_m2)
SELECT pnu, code,
       CASE WHEN mountain THEN '05'
            ELSE (ARRAY['08','08','08','08','08','01','02','14','28','09','11','22','13','10','25'])[1 + h % 15] END,
       CASE WHEN mountain THEN round(3000 + (h % 6000000) / 100.0, 2)
            ELSE round(60 + (h % 180000) / 100.0, 2) END
FROM large_seed_lot
ON CONFLICT (pnu) DO NOTHING;

-- Prices around the legal dong's level (60 % to 140 %), rising 2 to 4 % a year; roads have none.
INSERT INTO official_land_price (pnu, year, price_per_m2)
SELECT l.pnu, y.year,
       greatest(1000, round(l.base_price * (0.6 + (l.h % 81) / 100.0) * (CASE WHEN l.mountain THEN 0.05 ELSE 1 END)
                            * power(1.02 + (l.h % 3) / 100.0, y.year - 2023)))::bigint
FROM large_seed_lot l
JOIN parcel p ON p.pnu = l.pnu AND p.land_category_code <> '14'
CROSS JOIN (VALUES (2023), (2024), (2025)) AS y(year)
ON CONFLICT (pnu, year) DO NOTHING;

INSERT INTO owner_change (pnu, seq, owner_name, share_numerator, share_denominator, changed_on, cause, recorded_at, recorded_by)
SELECT pnu, 1,
       (ARRAY['김','이','박','최','정','강','조','윤','장','임','한','오','서','신','권'])[1 + h % 15]
           || (ARRAY['민준','서연','도윤','지우','하준','서윤','시우','하은','주원','지민','예준','수아',
                     '건우','지유','현우','채원','우진','다은','선영','영호'])[1 + (h / 15) % 20],
       1, 1,
       DATE '1980-01-01' + (h % 15000)::int,
       (ARRAY['SALE','SALE','SALE','INHERITANCE','GIFT','OWNERSHIP_PRESERVATION','AUCTION','PARTITION'])[1 + (h / 300) % 8],
       (DATE '1980-01-01' + (h % 15000)::int + 7)::timestamp AT TIME ZONE 'Asia/Seoul',
       'demo-data'
FROM large_seed_lot
ON CONFLICT (pnu, seq) DO NOTHING;
