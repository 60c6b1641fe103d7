"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useEffect, useId, useState } from "react";
import { useT } from "@/components/i18n-provider.tsx";
import { api } from "@/components/project-settings/api.ts";
import { Button } from "@/components/ui/button.tsx";
import { Dialog, DialogContent, DialogFooter } from "@/components/ui/dialog.tsx";
import { Field, Input, Textarea } from "@/components/ui/input.tsx";
import { Select } from "@/components/ui/select.tsx";
import { toast } from "@/components/ui/toast.tsx";
import type { ContractJson } from "@/lib/customers/contracts.ts";
import { formatDuration, parseDuration } from "@/lib/time/duration.ts";

/** Create a contract for the customer, or edit one. The budget is typed like any duration (40, 12.5h, 40:00). */
export function ContractDialog({
  open,
  onOpenChange,
  customerSlug,
  contract,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  customerSlug: string;
  contract?: ContractJson;
}) {
  const t = useT();
  const router = useRouter();
  const ids = useId();
  const [name, setName] = useState("");
  const [budget, setBudget] = useState("");
  const [startDate, setStartDate] = useState("");
  const [endDate, setEndDate] = useState("");
  const [status, setStatus] = useState("active");
  const [description, setDescription] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (!open) return;
    setErrors({});
    setName(contract?.name ?? "");
    setBudget(contract ? formatDuration(contract.contractedMinutes) : "");
    setStartDate(contract?.startDate ?? "");
    setEndDate(contract?.endDate ?? "");
    setStatus(contract?.status ?? "active");
    setDescription(contract?.description ?? "");
  }, [open, contract]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const minutes = parseDuration(budget);
    if (minutes === null) {
      setErrors({ budget: t("customers.contract.budgetInvalid") });
      return;
    }
    setBusy(true);
    const body = {
      name,
      contractedMinutes: minutes,
      startDate: startDate || null,
      endDate: endDate || null,
      status,
      description: description || null,
    };
    const base = `/customers/${encodeURIComponent(customerSlug)}/contracts`;
    const res = contract ? await api("PATCH", `${base}/${contract.id}`, body) : await api("POST", base, body);
    setBusy(false);
    if (!res.ok) {
      setErrors(Object.fromEntries(res.error.fields.map((f) => [f === "contractedMinutes" ? "budget" : f, res.error.message])));
      toast(res.error.message || t("common.error.generic"), { variant: "error" });
      return;
    }
    toast(t(contract ? "common.saved" : "customers.contract.created"), { variant: "success" });
    onOpenChange(false);
    router.refresh();
  }

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent title={contract ? t("customers.contract.edit") : t("customers.contract.new")}>
        <form noValidate onSubmit={submit} className="flex flex-col gap-4">
          <Field label={t("customers.contract.name")} id={`${ids}-name`} error={errors.name}>
            <Input value={name} onChange={(e) => setName(e.target.value)} required maxLength={191} autoFocus />
          </Field>
          <div className="grid grid-cols-2 gap-3">
            <Field
              label={t("customers.contract.budget")}
              id={`${ids}-budget`}
              error={errors.budget}
              hint={
                parseDuration(budget) !== null && budget
                  ? `= ${formatDuration(parseDuration(budget) ?? 0)} ${t("time.unit.h")}`
                  : t("customers.contract.budgetHint")
              }
            >
              <Input value={budget} onChange={(e) => setBudget(e.target.value)} inputMode="decimal" placeholder="40" />
            </Field>
            <Field label={t("customers.contract.status")} id={`${ids}-status`}>
              <Select value={status} onChange={(e) => setStatus(e.target.value)} className="w-full">
                <option value="planned">{t("customers.contract.status.planned")}</option>
                <option value="active">{t("customers.contract.status.active")}</option>
                <option value="closed">{t("customers.contract.status.closed")}</option>
              </Select>
            </Field>
            <Field label={t("customers.contract.start")} id={`${ids}-start`} error={errors.startDate}>
              <Input type="date" value={startDate} onChange={(e) => setStartDate(e.target.value)} />
            </Field>
            <Field label={t("customers.contract.end")} id={`${ids}-end`} error={errors.endDate}>
              <Input type="date" value={endDate} onChange={(e) => setEndDate(e.target.value)} />
            </Field>
          </div>
          <Field label={t("customers.field.description")} id={`${ids}-description`}>
            <Textarea rows={2} value={description} onChange={(e) => setDescription(e.target.value)} maxLength={20000} />
          </Field>
          <DialogFooter>
            <Button variant="ghost" onClick={() => onOpenChange(false)}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" variant="primary" loading={busy}>
              {contract ? t("common.save") : t("customers.contract.create")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
