-- SMS and KakaoTalk 알림톡 (issue 20, second step). Expand only: new nullable or defaulted columns and a wider
-- CHECK, so the previous release keeps running against this schema during a rolling update.

-- A citizen's mobile number, sealed like the e-mail address (AtRestCipher, the resident id bound in); the digits only.
alter table preference add column phone_sealed bytea;
alter table preference add column sms_enabled boolean not null default false;
alter table preference add column kakao_enabled boolean not null default false;
-- 방해 금지 (quiet hours): on unless the citizen turns it off; applies to SMS and KakaoTalk only.
alter table preference add column quiet_hours boolean not null default true;

alter table delivery drop constraint delivery_channel_check;
alter table delivery add constraint delivery_channel_check check (channel in ('INBOX', 'EMAIL', 'SMS', 'KAKAO'));
-- A destination fixed when the event was taken, sealed under this service's key with the delivery's id bound in:
-- 119's call-back number arrives in the event and belongs to no citizen's preferences. Null: the citizen's
-- current preference is read at sending time.
alter table delivery add column address_sealed bytea;
