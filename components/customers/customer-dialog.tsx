"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useEffect, useId, useState } from "react";
import { useT } from "@/components/i18n-provider.tsx";
import { api } from "@/components/project-settings/api.ts";
import { Button } from "@/components/ui/button.tsx";
import { Dialog, DialogContent, DialogFooter } from "@/components/ui/dialog.tsx";
import { Field, Input, Textarea } from "@/components/ui/input.tsx";
import { toast } from "@/components/ui/toast.tsx";
import type { CustomerJson } from "@/lib/customers/customers.ts";

type Values = {
  name: string;
  slug: string;
  description: string;
  contact: string;
  email: string;
  phone: string;
  address: string;
  color: string;
};

const EMPTY: Values = { name: "", slug: "", description: "", contact: "", email: "", phone: "", address: "", color: "" };

/** Create a customer, or edit one (`customer` given). */
export function CustomerDialog({
  open,
  onOpenChange,
  customer,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  customer?: CustomerJson;
}) {
  const t = useT();
  const router = useRouter();
  const ids = useId();
  const [values, setValues] = useState<Values>(EMPTY);
  const [errors, setErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (!open) return;
    setErrors([]);
    setValues(
      customer
        ? {
            name: customer.name,
            slug: customer.slug,
            description: customer.description ?? "",
            contact: customer.contact ?? "",
            email: customer.email ?? "",
            phone: customer.phone ?? "",
            address: customer.address ?? "",
            color: customer.color ?? "",
          }
        : EMPTY,
    );
  }, [open, customer]);
  const set = (key: keyof Values) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [key]: e.target.value }));
  const error = (key: string) => (errors.includes(key) ? t(`customers.error.${key}` as "customers.error.name") : undefined);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const { slug, ...rest } = values;
    const body = customer ? { ...rest, slug } : { ...rest, ...(slug ? { slug } : {}) };
    const res = customer
      ? await api<CustomerJson>("PATCH", `/customers/${encodeURIComponent(customer.slug)}`, body)
      : await api<CustomerJson>("POST", "/customers", body);
    setBusy(false);
    if (!res.ok) {
      setErrors(res.error.code === "conflict" ? ["slugTaken"] : res.error.fields);
      toast(res.error.message || t("common.error.generic"), { variant: "error" });
      return;
    }
    toast(t(customer ? "common.saved" : "customers.created", { name: res.data.name }), { variant: "success" });
    onOpenChange(false);
    if (!customer || res.data.slug !== customer.slug) router.push(`/customers/${res.data.slug}`);
    else router.refresh();
  }

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent title={customer ? t("customers.edit.title") : t("customers.new")} size="lg">
        <form noValidate onSubmit={submit} className="flex flex-col gap-4">
          <div className="grid gap-4 sm:grid-cols-2">
            <Field label={t("customers.field.name")} id={`${ids}-name`} error={error("name")}>
              <Input value={values.name} onChange={set("name")} required maxLength={191} autoFocus />
            </Field>
            <Field
              label={t("customers.field.slug")}
              id={`${ids}-slug`}
              hint={t("customers.field.slugHint")}
              error={error("slug") ?? (errors.includes("slugTaken") ? t("customers.error.slugTaken") : undefined)}
            >
              <Input value={values.slug} onChange={set("slug")} maxLength={64} spellCheck={false} placeholder="acme" />
            </Field>
            <Field label={t("customers.field.contact")} id={`${ids}-contact`}>
              <Input value={values.contact} onChange={set("contact")} maxLength={191} />
            </Field>
            <Field label={t("customers.field.email")} id={`${ids}-email`} error={error("email")}>
              <Input type="email" value={values.email} onChange={set("email")} maxLength={191} />
            </Field>
            <Field label={t("customers.field.phone")} id={`${ids}-phone`}>
              <Input type="tel" value={values.phone} onChange={set("phone")} maxLength={64} />
            </Field>
            <Field
              label={t("customers.field.color")}
              id={`${ids}-color`}
              error={error("color")}
              hint={t("customers.field.colorHint")}
            >
              <Input value={values.color} onChange={set("color")} maxLength={7} placeholder="#2f7d5b" className="font-mono" />
            </Field>
          </div>
          <Field label={t("customers.field.address")} id={`${ids}-address`}>
            <Textarea rows={2} value={values.address} onChange={set("address")} maxLength={2000} />
          </Field>
          <Field label={t("customers.field.description")} id={`${ids}-description`}>
            <Textarea rows={3} value={values.description} onChange={set("description")} maxLength={20000} />
          </Field>
          <DialogFooter>
            <Button variant="ghost" onClick={() => onOpenChange(false)}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" variant="primary" loading={busy}>
              {customer ? t("common.save") : t("customers.create")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
