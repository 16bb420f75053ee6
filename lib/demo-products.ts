/** The products `npm start` seeds into each demo warehouse, once. Stock differs per warehouse. */
export const DEMO_PRODUCTS = [
  { sku: "TORN-M6", name: "Tornillo M6 (caja 100)", description: "Tornillo de acero zincado", price: "4.95" },
  { sku: "TUER-M6", name: "Tuerca M6 (caja 100)", description: "Tuerca hexagonal", price: "3.20" },
  { sku: "TALA-18V", name: "Taladro 18V", description: "Taladro percutor sin cable", price: "129.00" },
  { sku: "GUAN-L", name: "Guantes de trabajo L", description: "Par de guantes de nitrilo", price: "2.75" },
  { sku: "CASC-01", name: "Casco de seguridad", description: "Casco EN 397 blanco", price: "14.90" },
] as const;

export const DEMO_WAREHOUSES = [
  { id: "madrid", name: "Madrid", stock: [120, 80, 12, 300, 40] },
  { id: "barcelona", name: "Barcelona", stock: [60, 150, 5, 90, 25] },
  { id: "valencia", name: "Valencia", stock: [0, 40, 8, 150, 10] },
] as const;
