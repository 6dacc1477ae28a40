-- Long-term residence for study (Belarusian holders of Czech government, Ministry of Education or EU
-- scholarships) as a case type of its own; the permit is recorded in the register with its own code.
alter table cases drop constraint cases_case_type_check;
alter table cases add constraint cases_case_type_check check (case_type in ('tolerance_visa', 'study_residence'));
alter table visas drop constraint visas_visa_code_check;
alter table visas add constraint visas_visa_code_check check (visa_code in ('D/VS/91', 'D/SD/91', 'D/VC/91', 'C', 'D', 'LTR/STUDY'));
